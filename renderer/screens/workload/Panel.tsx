import type { ComponentProps, ReactNode } from 'react';
import { ScreenPanel } from '../../components/ScreenPanel.js';

export { SectionError } from '../../components/ScreenPanel.js';

/** One panel of the Workload screen. */
export function Panel({ className, ...props }: ComponentProps<typeof ScreenPanel>) {
  return <ScreenPanel {...props} className={`wl-panel${className === undefined ? '' : ` ${className}`}`} />;
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
