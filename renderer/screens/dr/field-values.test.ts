import { describe, expect, it } from 'vitest';
import { convertDistribution, distributionMode, hoursEntry, numberEntry, textOf } from './field-values.js';

describe('editor field values', () => {
  it('keeps numbers as numbers, text that is not one as text, and empty as removed', () => {
    expect(numberEntry(' 12.5 ')).toBe(12.5);
    expect(numberEntry('1e3')).toBe(1000);
    expect(numberEntry('12,5')).toBe('12,5');
    expect(numberEntry('')).toBeUndefined();
    expect(hoursEntry('1, 13')).toEqual([1, 13]);
    expect(hoursEntry('one')).toBe('one');
    expect(textOf([1, 13])).toBe('1, 13');
    expect(textOf(undefined)).toBe('');
  });

  it('converts an uncertain input between its forms without losing the central value', () => {
    expect(distributionMode({ p50: 1, p99: 10 })).toBe('lognormal');
    expect(distributionMode({ min: 1, likely: 2, max: 3 })).toBe('range');
    expect(distributionMode('30s')).toBe('one');
    expect(convertDistribution(30, 'range')).toEqual({ min: 30, likely: 30, max: 30 });
    expect(convertDistribution({ min: 1, likely: 2, max: 3 }, 'one')).toBe(2);
    expect(convertDistribution({ min: 1, likely: 2, max: 30 }, 'lognormal')).toEqual({ p50: 2, p99: 30 });
    expect(convertDistribution(5, 'lognormal')).toEqual({ p50: 5, p99: 50 });
    expect(convertDistribution({ p50: 0.5, p99: 10 }, 'range')).toEqual({ min: 0.5, likely: 0.5, max: 10 });
  });
});
