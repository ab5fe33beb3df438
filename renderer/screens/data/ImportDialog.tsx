import { useEffect, useMemo, useState } from 'react';
import type { ImportOptions } from '../../../shared/api/contract.js';
import type { ImportPreview } from '../../../shared/api/types.js';
import { TIME_FORMATS } from '../../../shared/import/csv/time-column.js';
import { knownUnits } from '../../../shared/units/unit-catalog.js';
import { BackendError, type StagedImportFile } from '../../api/backend-client.js';
import { useBackend } from '../../app/backend-context.js';
import { formatBytes, formatCount } from '../../format/format-number.js';

interface Props {
  readonly files: readonly StagedImportFile[];
  readonly onCancel: () => void;
  readonly onStarted: (jobId: string) => void;
}

interface FileState {
  readonly options: ImportOptions;
  readonly preview: ImportPreview | undefined;
  readonly problem: string | undefined;
}

const ZONES = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney'];
const DELIMITERS: readonly [string, string][] = [['', 'detect'], [',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']];

/**
 * The import dialog: for each chosen file, the detected format (changeable), its first
 * lines, the series it would give, the problems found, and — for delimited files — the
 * mapping step (time column, time format, time zone, delimiter, units). Everything is a
 * preview of the file's first 256 KiB; nothing is written until Import.
 */
export function ImportDialog({ files, onCancel, onStarted }: Props) {
  const client = useBackend();
  const [states, setStates] = useState<ReadonlyMap<string, FileState>>(() => new Map(files.map((f) => [f.stagedId, { options: {}, preview: undefined, problem: undefined }])));
  const [counters, setCounters] = useState<'keep' | 'rate'>('keep');
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string>();
  const optionsKey = JSON.stringify(files.map((f) => states.get(f.stagedId)?.options));

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      for (const file of files) {
        const options = states.get(file.stagedId)?.options ?? {};
        client.call('import.preview', { stagedId: file.stagedId, options }).then(
          (preview) => current && setStates((m) => new Map(m).set(file.stagedId, { options, preview, problem: undefined })),
          (error: unknown) => current && setStates((m) => new Map(m).set(file.stagedId, { options, preview: undefined, problem: error instanceof BackendError ? error.message : String(error) })),
        );
      }
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionsKey captures every file's options
  }, [client, files, optionsKey]);

  const update = (stagedId: string, change: Partial<ImportOptions>): void => {
    setStates((m) => {
      const state = m.get(stagedId);
      if (state === undefined) return m;
      // Unset options (empty text, 'detect') are left out, so the backend detects them.
      const merged: Record<string, unknown> = { ...state.options, ...change };
      const options = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '')) as ImportOptions;
      return new Map(m).set(stagedId, { ...state, options });
    });
  };
  const blocked = files.some((f) => states.get(f.stagedId)?.preview?.error !== null && states.get(f.stagedId)?.preview !== undefined);
  const start = async (): Promise<void> => {
    setStarting(true);
    try {
      const { jobId } = await client.call('import.start', {
        files: files.map((f) => ({ stagedId: f.stagedId, options: { ...(states.get(f.stagedId)?.options ?? {}), counters } })),
      });
      onStarted(jobId);
    } catch (error) {
      setProblem(error instanceof BackendError ? error.message : String(error));
      setStarting(false);
    }
  };
  return (
    <div className="modal-backdrop" role="presentation">
      <div className="modal import-dialog" role="dialog" aria-modal="true" aria-label="Import files">
        <header className="modal-head">
          <h2>Import {files.length === 1 ? files[0]?.name : `${files.length} files`}</h2>
          <span className="muted">Preview of each file’s start — nothing is written until you import.</span>
        </header>
        <div className="modal-body">
          {files.map((file) => (
            <FilePreview key={file.stagedId} file={file} state={states.get(file.stagedId)} onChange={(change) => update(file.stagedId, change)} />
          ))}
        </div>
        <footer className="modal-foot">
          <label className="checkbox">
            <input type="checkbox" checked={counters === 'rate'} onChange={(e) => setCounters(e.target.checked ? 'rate' : 'keep')} />
            Also write per-second rates of counters
          </label>
          {problem !== undefined ? <span className="error-text" role="alert">{problem}</span> : null}
          <span className="spacer" />
          <button type="button" onClick={onCancel} disabled={starting}>Cancel</button>
          <button type="button" className="primary" onClick={() => void start()} disabled={starting || blocked} title={blocked ? 'A file cannot be read as it is: change its format or mapping, or cancel' : undefined}>
            Import
          </button>
        </footer>
      </div>
    </div>
  );
}

function FilePreview({ file, state, onChange }: { file: StagedImportFile; state: FileState | undefined; onChange: (change: Partial<ImportOptions>) => void }) {
  const preview = state?.preview;
  const options = state?.options ?? {};
  const unitIds = useMemo(() => knownUnits().map((u) => u.id).filter((id) => id !== ''), []);
  return (
    <section className="file-preview" aria-label={`Preview of ${file.name}`} data-testid="file-preview">
      <div className="file-preview-head">
        <strong>{file.name}</strong>
        <span className="muted">{formatBytes(file.sizeBytes)}</span>
        <label>
          Format
          <select value={options.format ?? 'auto'} onChange={(e) => onChange({ format: e.target.value === 'auto' ? undefined : (e.target.value as ImportOptions['format']) })} aria-label="Format">
            <option value="auto">{preview === undefined ? 'detect automatically' : `detected: ${preview.formatLabel}`}</option>
            {(preview?.candidates ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state?.problem !== undefined ? <p className="error-text">{state.problem}</p> : null}
      {preview === undefined && state?.problem === undefined ? <p className="muted">Reading…</p> : null}
      {preview !== undefined ? (
        <>
          {preview.error !== null ? (
            <p className="error-text" role="alert" data-testid="preview-error">
              {file.name}:{preview.error.line}: {preview.error.reason}
            </p>
          ) : null}
          <details open={preview.error !== null || preview.layout !== null}>
            <summary>First lines</summary>
            <pre className="first-lines">{preview.firstLines.join('\n')}</pre>
          </details>
          {preview.layout !== null ? (
            <div className="mapping" data-testid="mapping">
              <label>
                Time column
                <select value={options.timeColumn ?? preview.layout.timeColumn} onChange={(e) => onChange({ timeColumn: e.target.value })}>
                  {preview.layout.columns.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Time format
                <select value={options.timeFormat ?? 'auto'} onChange={(e) => onChange({ timeFormat: e.target.value as ImportOptions['timeFormat'] })}>
                  <option value="auto">detect ({preview.layout.timeFormat})</option>
                  {TIME_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Time zone of times without one
                <input list="time-zones" value={options.timeZone ?? ''} placeholder="UTC" onChange={(e) => onChange({ timeZone: e.target.value })} />
              </label>
              <label>
                Delimiter
                <select value={options.delimiter ?? ''} onChange={(e) => onChange({ delimiter: e.target.value })}>
                  {DELIMITERS.map(([value, label]) => (
                    <option key={label} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <datalist id="time-zones">
                {ZONES.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
              <table className="data-table compact mapping-columns">
                <thead>
                  <tr>
                    <th>Column</th>
                    <th>Read as</th>
                    <th>Unit</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.layout.columns.map((c) => (
                    <tr key={c.name}>
                      <td className="name">{c.name}</td>
                      <td>{c.role === 'value' ? 'values' : c.role === 'time' ? 'time' : c.role === 'name' ? 'series name' : c.role === 'unit' ? 'unit' : 'label'}</td>
                      <td>
                        {c.role === 'value' ? (
                          <input
                            className="unit-input"
                            list="unit-ids"
                            aria-label={`Unit of ${c.name}`}
                            value={options.units?.[c.name] ?? c.unit}
                            onChange={(e) => onChange({ units: { ...(options.units ?? {}), [c.name]: e.target.value } })}
                          />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <datalist id="unit-ids">
                {unitIds.map((u) => (
                  <option key={u} value={u} />
                ))}
              </datalist>
            </div>
          ) : null}
          {preview.series.length > 0 ? (
            <table className="data-table compact" data-testid="preview-series">
              <thead>
                <tr>
                  <th>Series</th>
                  <th>Unit</th>
                  <th className="num">Points{preview.partial ? ' (in the part read)' : ''}</th>
                  <th>From</th>
                  <th>To</th>
                </tr>
              </thead>
              <tbody>
                {preview.series.slice(0, 50).map((s) => (
                  <tr key={s.name}>
                    <td className="name">{s.name}</td>
                    <td>{s.unit === '' ? '—' : s.unit}</td>
                    <td className="num">{formatCount(s.points)}</td>
                    <td>{s.start.replace('T', ' ').replace('Z', '')}</td>
                    <td>{s.end.replace('T', ' ').replace('Z', '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.series.length > 50 ? <p className="muted">… and {preview.series.length - 50} more series.</p> : null}
          <ul className="notes">
            {preview.partial ? <li>Preview of the first 256 KiB; the import reads the whole file.</li> : null}
            {preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {preview.issues.length > 0 ? (
            <details>
              <summary className="warn">{preview.issues.length} problem{preview.issues.length === 1 ? '' : 's'} in the part read</summary>
              <ol className="rejected">
                {preview.issues.map((issue, i) => (
                  <li key={`${issue.line}-${i}`}>
                    <code>
                      {file.name}:{issue.line}
                    </code>{' '}
                    {issue.reason}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
