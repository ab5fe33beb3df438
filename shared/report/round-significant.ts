/**
 * Rounds to a number of significant digits (the way `toPrecision` does), returning a
 * number. Used for chart curves, where four digits are far below a pixel.
 * @param digits 1–15
 * @throws {RangeError} when `digits` is outside 1–15
 * @example roundSignificant(1234.5678, 4) // 1235
 */
export function roundSignificant(x: number, digits: number): number {
  if (!(digits >= 1 && digits <= 15)) throw new RangeError(`digits must be 1–15, got ${digits}`);
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}
