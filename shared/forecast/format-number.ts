/**
 * Numbers as model descriptions and reasons print them: four significant digits, plain
 * notation between 0.001 and a million, exponent notation outside.
 * @param value any number
 * @example formatNumber(0.0123456) // '0.01235'
 * @example formatNumber(1234567) // '1.235e+6'
 */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-3) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
