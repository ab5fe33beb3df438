import { useId, useRef, type ReactNode } from 'react';
import { ChartExport } from '../../charts/ChartExport.js';

interface Props {
  readonly title: string;
  readonly testId: string;
  /** Beside the heading: toggles, a short status. */
  readonly actions?: ReactNode;
  readonly subtitle?: ReactNode;
  readonly className?: string;
  /** The file name its chart is saved under (SVG and PNG buttons); none without a chart. */
  readonly chart?: string;
  readonly children: ReactNode;
}

/** One panel of the Workload screen: a region named by its heading. */
export function Panel({ title, testId, actions, subtitle, className, chart, children }: Props) {
  const id = useId();
  const section = useRef<HTMLElement>(null);
  return (
    <section className={`panel wl-panel${className === undefined ? '' : ` ${className}`}`} aria-labelledby={id} data-testid={testId} ref={section}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {subtitle !== undefined ? <span className="muted wl-subtitle">{subtitle}</span> : null}
        {actions !== undefined ? <div className="wl-actions">{actions}</div> : null}
        {chart === undefined ? null : <ChartExport target={section} name={chart} />}
      </div>
      {children}
    </section>
  );
}

/** An analysis that does not apply to this series: its reason, shown rather than hidden. */
export function SectionError({ what, error }: { readonly what: string; readonly error: string }) {
  return (
    <p className="wl-section-error" data-testid="section-error">
      <strong>{what} not available:</strong> {error}
    </p>
  );
}

/** A labelled figure: the big number of a panel. */
export function Stat({ label, value, note, testId }: { readonly label: string; readonly value: ReactNode; readonly note?: ReactNode; readonly testId?: string }) {
  return (
    <div className="wl-stat" data-testid={testId}>
      <div className="wl-stat-label">{label}</div>
      <div className="wl-stat-value">{value}</div>
      {note !== undefined ? <div className="wl-stat-note">{note}</div> : null}
    </div>
  );
}

/** How a figure is computed, folded away. */
export function Method({ text }: { readonly text: string }) {
  return (
    <details className="wl-method">
      <summary>How this is measured</summary>
      <p>{text}</p>
    </details>
  );
}
