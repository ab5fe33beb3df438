import type { ComponentProps } from 'react';
import { ScreenPanel } from '../../components/ScreenPanel.js';

export { SectionError } from '../../components/ScreenPanel.js';

/** Colours of the Scalability charts (Okabe–Ito, as renderer/charts/series-colors.ts). */
export const COLORS = {
  measured: '#333333',
  fitted: '#0072B2',
  whatIf: '#D55E00',
  peak: '#009E73',
  today: '#CC79A7',
  limit: '#b3261e',
  grid: '#e3e6ea',
  axis: '#b8bec6',
  tick: '#5b6470',
} as const;

export const TICK = { fontSize: 11, fill: COLORS.tick } as const;

/** One panel of the Scalability screen. */
export function ScalabilityPanel({ className, ...props }: ComponentProps<typeof ScreenPanel>) {
  return <ScreenPanel {...props} className={`sc-panel${className === undefined ? '' : ` ${className}`}`} />;
}
