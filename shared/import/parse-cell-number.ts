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
