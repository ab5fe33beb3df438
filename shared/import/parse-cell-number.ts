/**
 * Reads one numeric cell of a metric export. Exports mark "no sample" in many ways
 * (empty cell, `NaN`, `null`, `N/A`, `-`); those are gaps, not errors. Anything else
 * that is not a finite decimal number is an error the import report names.
 */

/** The cell held no sample: a gap in the series. */
export const MISSING = null;
/** The cell held text that is not a number: the import report names it. */
export const INVALID = undefined;

const missingMarkers = new Set(['', 'nan', '-nan', 'null', 'none', 'n/a', 'na', '-', 'undefined', '#n/a', 'nil']);

/**
 * @param text the cell as written (may have surrounding spaces)
 * @param decimalComma whether `,` is the decimal separator (European locales; only
 *   when the delimiter is not a comma)
 * @returns a finite number, {@link MISSING} (null) for a gap, or {@link INVALID} (undefined)
 * @example parseCellNumber('45.3', false) // 45.3
 * @example parseCellNumber('NaN', false) // null
 * @example parseCellNumber('abc', false) // undefined
 */
export function parseCellNumber(text: string, decimalComma: boolean): number | null | undefined {
  const value = Number(text);
  if (value === value && text.length > 0) {
    // Number() also reads '', ' ', '0x1F', '0b11', 'Infinity': keep only plain decimals.
    if (value === Infinity || value === -Infinity) return INVALID;
    const second = text.charCodeAt(1) | 32;
    if (second === 120 || second === 98 || second === 111) return INVALID; // 0x 0b 0o
    if (value === 0 && text.trim().length === 0) return MISSING;
    return value;
  }
  const trimmed = text.trim();
  if (missingMarkers.has(trimmed.toLowerCase())) return MISSING;
  if (decimalComma && /^[+-]?\d+,\d+$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return INVALID;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Reads a plain decimal (`-12.345`) in `text[start, end)` without copying it; NaN for
 * anything else (spaces, exponents, gap markers), which the caller then reads with
 * {@link parseCellNumber}. Exact: with at most 15 significant digits the mantissa and
 * the power of ten are both exact doubles, so their quotient is correctly rounded
 * (W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990, fast path).
 */
export function parsePlainDecimalAt(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digitCount = 0;
  let anyDigit = false;
  let fractionDigits = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      anyDigit = true;
      if (mantissa !== 0) digitCount++;
      if (seenDot) fractionDigits++;
    } else if (c === 46 && !seenDot) {
      seenDot = true;
    } else {
      return Number.NaN;
    }
  }
  if (!anyDigit || digitCount > 15 || fractionDigits > 22) return Number.NaN;
  const value = mantissa / (POWERS_OF_TEN[fractionDigits] ?? Number.NaN);
  return negative ? -value : value;
}
