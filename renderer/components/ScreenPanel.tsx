import { useId, useRef, type ReactNode } from 'react';
import { ChartExport } from '../charts/ChartExport.js';

interface Props {
  readonly title: string;
  readonly testId: string;
  readonly subtitle?: ReactNode;
  /** Beside the heading, at the right: toggles, a short status. */
  readonly actions?: ReactNode;
  readonly className?: string;
  /** The file name its chart is saved under (SVG and PNG buttons); none without a chart. */
  readonly chart?: string;
  readonly children: ReactNode;
}

/** One panel of an analysis screen: a region named by its heading, its chart savable. */
export function ScreenPanel({ title, testId, subtitle, actions, className, chart, children }: Props) {
  const id = useId();
  const section = useRef<HTMLElement>(null);
  return (
    <section className={`panel${className === undefined ? '' : ` ${className}`}`} aria-labelledby={id} data-testid={testId} ref={section}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {subtitle !== undefined ? <span className="muted panel-subtitle">{subtitle}</span> : null}
        {actions !== undefined ? <div className="panel-actions">{actions}</div> : null}
        {chart === undefined ? null : <ChartExport target={section} name={chart} />}
      </div>
      {children}
    </section>
  );
}

/** A part of an analysis that does not apply: its reason, shown rather than hidden. */
export function SectionError({ what, error }: { readonly what: string; readonly error: string }) {
  return (
    <p className="section-error" data-testid="section-error">
      <strong>{what} not available:</strong> {error}
    </p>
  );
}
