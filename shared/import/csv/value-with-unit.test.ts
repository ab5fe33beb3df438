import { describe, expect, it } from 'vitest';
import { findUnit } from '../../units/unit-catalog.js';
import { convertUnit, parseValueWithUnit } from './value-with-unit.js';

describe('parseValueWithUnit (Grafana "Formatted data")', () => {
  it('reads the units panels display', () => {
    expect(parseValueWithUnit('45.3%')).toEqual({ value: 45.3, unit: findUnit('%') });
    expect(parseValueWithUnit('1.2 GB')).toEqual({ value: 1.2, unit: findUnit('GB') });
    expect(parseValueWithUnit('820 MiB')).toEqual({ value: 820, unit: findUnit('MiB') });
    expect(parseValueWithUnit('12.5 ms')).toEqual({ value: 12.5, unit: findUnit('ms') });
    expect(parseValueWithUnit('250 µs')).toEqual({ value: 250, unit: findUnit('us') });
    expect(parseValueWithUnit('7 B')).toEqual({ value: 7, unit: findUnit('B') });
    expect(parseValueWithUnit('42')).toEqual({ value: 42, unit: undefined });
  });
  it('reads short-scale suffixes as multipliers', () => {
    expect(parseValueWithUnit('3.4 K')).toEqual({ value: 3400, unit: undefined });
    expect(parseValueWithUnit('1.5 Mil')).toEqual({ value: 1_500_000, unit: undefined });
  });
  it("drops Grafana's formula guard and refuses text", () => {
    expect(parseValueWithUnit("'-5")).toEqual({ value: -5, unit: undefined });
    expect(parseValueWithUnit('n/a')).toBeUndefined();
    expect(parseValueWithUnit('5 furlongs')).toBeUndefined();
  });
});

describe('convertUnit', () => {
  it('converts within a dimension and refuses across', () => {
    const gb = findUnit('GB');
    const mib = findUnit('MiB');
    const ms = findUnit('ms');
    if (gb === undefined || mib === undefined || ms === undefined) throw new Error('catalog lacks units');
    expect(convertUnit(1, gb, mib)).toBeCloseTo(953.674, 3);
    expect(convertUnit(1, gb, ms)).toBeUndefined();
  });
});
