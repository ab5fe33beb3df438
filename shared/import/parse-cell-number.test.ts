import { describe, expect, it } from 'vitest';
import { parseCellNumber } from './parse-cell-number.js';

describe('parseCellNumber', () => {
  it('reads decimal numbers, with spaces and exponents', () => {
    expect(parseCellNumber('45.3', false)).toBe(45.3);
    expect(parseCellNumber(' -1.5e3 ', false)).toBe(-1500);
    expect(parseCellNumber('0', false)).toBe(0);
    expect(parseCellNumber('+7', false)).toBe(7);
  });
  it('reads gap markers as missing (null)', () => {
    for (const gap of ['', '   ', 'NaN', 'nan', 'null', 'NULL', 'N/A', '-', 'None', 'undefined']) expect(parseCellNumber(gap, false), gap).toBeNull();
  });
  it('refuses text, infinities and non-decimal literals (undefined)', () => {
    for (const bad of ['abc', '12abc', 'Infinity', '-Infinity', '+Inf', '0x1F', '0b11', '0o7', '1,5']) expect(parseCellNumber(bad, false), bad).toBeUndefined();
  });
  it('reads a decimal comma only where the delimiter is not a comma', () => {
    expect(parseCellNumber('45,3', true)).toBe(45.3);
    expect(parseCellNumber('45,3', false)).toBeUndefined();
  });
});
