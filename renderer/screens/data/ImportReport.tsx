import type { ImportedFile } from '../../../shared/api/types.js';
import { formatBytes, formatCount } from '../../format/format-number.js';

/** What one imported file gave: series and points, how it was read, and every line that was not imported. */
export function ImportReport({ file, when }: { file: ImportedFile; when?: string }) {
  const points = file.series.reduce((sum, s) => sum + s.points, 0);
  return (
    <article className="import-report" data-testid="import-report">
      <header>
        <strong>{file.file}</strong>
        <span className="muted">
          {' '}
          · {file.format} · {formatBytes(file.sizeBytes)}
          {when !== undefined ? ` · imported ${when.replace('T', ' ').slice(0, 16)} UTC` : ''}
        </span>
      </header>
      <p>
        {formatCount(file.rowsRead)} rows read → <strong>{formatCount(points)} points</strong> in {file.series.length} series
        {file.cellsMissing > 0 ? <>; {plural(file.cellsMissing, 'empty cell')} kept as gaps</> : null}
        {file.rowsRejected + file.cellsRejected > 0 ? (
          <span className="warn">
            ; {plural(file.rowsRejected, 'row')} and {plural(file.cellsRejected, 'cell')} not imported
          </span>
        ) : null}
        .
      </p>
      <ul className="notes">
        {file.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
        <li className="muted">SHA-256 {file.sha256.slice(0, 16)}…</li>
      </ul>
      {file.rejected.length > 0 ? (
        <details open={file.rejected.length <= 5}>
          <summary>
            {file.rejected.length} problem{file.rejected.length === 1 ? '' : 's'} by line
          </summary>
          <ol className="rejected" data-testid="rejected-rows">
            {file.rejected.slice(0, 200).map((r, i) => (
              <li key={`${r.line}-${i}`}>
                <code>
                  {file.file}:{r.line}
                </code>{' '}
                {r.reason}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
