import { useId, useRef, type ReactNode } from 'react';
import { ChartExport } from '../../charts/ChartExport.js';

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

interface Props {
  readonly title: string;
  readonly testId: string;
  readonly subtitle?: ReactNode;
  readonly className?: string;
  /** The file name its chart is saved under (SVG and PNG buttons); none without a chart. */
  readonly chart?: string;
  readonly children: ReactNode;
}

/** One panel of the Scalability screen: a region named by its heading. */
export function ScalabilityPanel({ title, testId, subtitle, className, chart, children }: Props) {
  const id = useId();
  const section = useRef<HTMLElement>(null);
  return (
    <section className={`panel sc-panel${className === undefined ? '' : ` ${className}`}`} aria-labelledby={id} data-testid={testId} ref={section}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {subtitle !== undefined ? <span className="muted sc-subtitle">{subtitle}</span> : null}
        {chart === undefined ? null : <ChartExport target={section} name={chart} />}
      </div>
      {children}
    </section>
  );
}

/** A section of the analysis that does not apply: its reason, shown rather than hidden. */
export function SectionError({ what, error }: { readonly what: string; readonly error: string }) {
  return (
    <p className="sc-section-error" data-testid="section-error">
      <strong>{what} not available:</strong> {error}
    </p>
  );
}
