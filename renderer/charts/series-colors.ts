/** A palette whose neighbours stay distinguishable, also for common colour-vision deficiencies (Okabe–Ito based). */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7a5c00', '#333333'];

export function colorFor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#333333';
}
