import type { DatabaseSpec } from './dr-plan.js';

/**
 * Database size at a month of the projection: the plan's size forecast (linear between
 * its points, flat beyond its ends, the current size at month 0), or compound
 * (`monthlyGrowthPct`) or linear (`monthlyGrowthGiB`) growth from the current size.
 * @param month whole or fractional months from now (0 = now)
 * @example sizeAtMonth({ sizeGiB: 1000, monthlyGrowthPct: 2, … }, 12) // ≈ 1268
 */
export function sizeAtMonth(database: Pick<DatabaseSpec, 'sizeGiB' | 'monthlyGrowthPct' | 'monthlyGrowthGiB' | 'sizeForecast'>, month: number): number {
  if (database.sizeForecast.length > 0) {
    const points = database.sizeForecast[0]?.month === 0 ? database.sizeForecast : [{ month: 0, sizeGiB: database.sizeGiB }, ...database.sizeForecast];
    const last = points[points.length - 1];
    if (last === undefined || month >= last.month) return last?.sizeGiB ?? database.sizeGiB;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (a === undefined || b === undefined) continue;
      if (month <= b.month) return b.month === a.month ? b.sizeGiB : a.sizeGiB + ((month - a.month) / (b.month - a.month)) * (b.sizeGiB - a.sizeGiB);
    }
    return last.sizeGiB;
  }
  if (database.monthlyGrowthPct !== 0) return database.sizeGiB * Math.pow(1 + database.monthlyGrowthPct / 100, month);
  return Math.max(1e-6, database.sizeGiB + database.monthlyGrowthGiB * month);
}
