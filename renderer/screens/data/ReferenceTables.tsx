import { useRef, useState } from 'react';
import type { InstanceType } from '../../../shared/api/types.js';
import { BackendError } from '../../api/backend-client.js';
import { useBackend } from '../../app/backend-context.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { formatCount, formatNumber } from '../../format/format-number.js';
import './catalog-editor.css';

/** Load tests (concurrency vs throughput), the input of scalability fits. */
export function LoadTestsTable({ revision }: { revision: number }) {
  const tests = useBackendQuery('loadTest.list', {}, String(revision));
  if (tests.error !== undefined) return <p className="error-text">{tests.error}</p>;
  if ((tests.data ?? []).length === 0) return <p className="empty">No load tests in this workspace.</p>;
  return (
    <div>
      {(tests.data ?? []).map((test) => (
        <section key={test.name} className="reference-block">
          <h3>{test.name}</h3>
          <p className="muted">{test.description}</p>
          <table className="data-table compact">
            <thead>
              <tr>
                <th className="num">Concurrency</th>
                <th className="num">Throughput (/s)</th>
                <th className="num">Latency (ms)</th>
              </tr>
            </thead>
            <tbody>
              {test.points.map((p) => (
                <tr key={p.concurrency}>
                  <td className="num">{p.concurrency}</td>
                  <td className="num">{formatCount(Math.round(p.throughput))}</td>
                  <td className="num">{p.latencyMs === null ? '—' : formatNumber(p.latencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/** The number columns of the catalog: what each holds, and whether zero makes sense. */
const NUMBER_COLUMNS = [
  { field: 'vcpu', label: 'vCPU', positive: true },
  { field: 'memoryGiB', label: 'Memory (GiB)', positive: true },
  { field: 'maxStorageGiB', label: 'Max storage (GiB)', positive: false },
  { field: 'maxIops', label: 'Max IOPS', positive: false },
  { field: 'maxThroughputMiBps', label: 'Max MiB/s', positive: false },
  { field: 'networkGbps', label: 'Network Gbps', positive: false },
  { field: 'maxConnections', label: 'Max conns', positive: false },
  { field: 'onDemandPerHour', label: 'On-demand /h', positive: false },
  { field: 'committedPerHour', label: 'Committed /h', positive: false },
  { field: 'storagePerGiBMonth', label: 'Storage /GiB·mo', positive: false },
  { field: 'iopsPerMonth', label: 'IOPS /mo', positive: false },
] as const satisfies readonly { field: keyof InstanceType; label: string; positive: boolean }[];

type NumberField = (typeof NUMBER_COLUMNS)[number]['field'];
const TEXT_COLUMNS = [
  { field: 'provider', label: 'Provider', required: true },
  { field: 'instanceClass', label: 'Class', required: true },
  { field: 'storageType', label: 'Storage type', required: false },
] as const satisfies readonly { field: keyof InstanceType; label: string; required: boolean }[];
type TextField = (typeof TEXT_COLUMNS)[number]['field'] | 'currency' | 'priceNote' | 'pricesAsOf';

/** A row being edited: every cell as the text typed, so a half-typed number is not lost. */
type DraftRow = { readonly key: number } & Record<NumberField | TextField, string>;

let nextKey = 0;

function toDraft(instance: InstanceType): DraftRow {
  const row: Record<string, string | number> = { key: nextKey++ };
  for (const c of TEXT_COLUMNS) row[c.field] = instance[c.field];
  for (const c of NUMBER_COLUMNS) row[c.field] = String(instance[c.field]);
  row['currency'] = instance.currency;
  row['priceNote'] = instance.priceNote;
  row['pricesAsOf'] = instance.pricesAsOf;
  return row as DraftRow;
}

/** Why a number cell is refused, or undefined when it is a valid number. */
function numberProblem(text: string, positive: boolean): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'required';
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return `'${trimmed}' is not a number (write 0.171, no separators or units)`;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `'${trimmed}' is not a finite number`;
  if (positive && value <= 0) return 'must be above 0';
  return undefined;
}

interface CellProblem {
  readonly rowKey: number;
  readonly field: string;
  readonly message: string;
}

function validate(rows: readonly DraftRow[]): CellProblem[] {
  const problems: CellProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const name = row.instanceClass.trim() === '' ? `row ${index + 1}` : `row ${index + 1} (${row.instanceClass.trim()})`;
    for (const c of TEXT_COLUMNS) if (c.required && row[c.field].trim() === '') problems.push({ rowKey: row.key, field: c.field, message: `${name}, ${c.label}: required` });
    for (const c of NUMBER_COLUMNS) {
      const problem = numberProblem(row[c.field], c.positive);
      if (problem !== undefined) problems.push({ rowKey: row.key, field: c.field, message: `${name}, ${c.label}: ${problem}` });
    }
    if (row.currency.trim() === '') problems.push({ rowKey: row.key, field: 'currency', message: `${name}: the currency is required` });
    const id = `${row.provider.trim()}|${row.instanceClass.trim()}`;
    const first = seen.get(id);
    if (first !== undefined && row.instanceClass.trim() !== '') problems.push({ rowKey: row.key, field: 'instanceClass', message: `${name}: ${row.provider.trim()} ${row.instanceClass.trim()} is already row ${first + 1}; keep one row per instance` });
    else seen.set(id, index);
  });
  return problems;
}

function fromDraft(row: DraftRow): InstanceType {
  const numbers = Object.fromEntries(NUMBER_COLUMNS.map((c) => [c.field, Number(row[c.field].trim())])) as Record<NumberField, number>;
  return {
    provider: row.provider.trim(),
    instanceClass: row.instanceClass.trim(),
    storageType: row.storageType.trim(),
    ...numbers,
    currency: row.currency.trim(),
    priceNote: row.priceNote.trim(),
    pricesAsOf: row.pricesAsOf.trim(),
  };
}

/** One value when every row has it, otherwise undefined. */
function common(rows: readonly DraftRow[], field: 'currency' | 'priceNote' | 'pricesAsOf'): string | undefined {
  const values = new Set(rows.map((r) => r[field]));
  return values.size === 1 ? [...values][0] : undefined;
}

/**
 * The instance catalog: sizes, limits and prices of the instances the scaling plans may
 * use, editable in place (numbers checked as typed), from and to CSV. The nature and the
 * date of the prices stay in view: in the sample workspace they are illustrative.
 */
export function CatalogTable({ revision }: { revision: number }) {
  const client = useBackend();
  const catalog = useBackendQuery('catalog.list', {}, String(revision));
  const system = useBackendQuery('system.get', {}, String(revision));
  const [message, setMessage] = useState<{ readonly kind: 'ok' | 'error'; readonly text: string }>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const importCsv = async (file: File): Promise<void> => {
    setBusy(true);
    setMessage(undefined);
    try {
      const text = await file.text();
      const saved = await client.call('catalog.import', { text });
      setMessage({ kind: 'ok', text: `Imported ${saved.length} instances from ${file.name}.` });
    } catch (failure) {
      setMessage({ kind: 'error', text: `${file.name}: ${failure instanceof BackendError ? failure.message : String(failure)}` });
    } finally {
      setBusy(false);
      if (fileInput.current !== null) fileInput.current.value = '';
    }
  };

  const exportCsv = async (): Promise<void> => {
    setMessage(undefined);
    try {
      const { csv } = await client.call('catalog.export', {});
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'instance-catalog.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setMessage({ kind: 'error', text: `Export failed: ${failure instanceof BackendError ? failure.message : String(failure)}` });
    }
  };

  const rows = catalog.data;
  return (
    <section className="reference-block catalog-editor" aria-label="Instance catalog" data-testid="catalog-editor">
      <div className="catalog-toolbar">
        <h3>Instance catalog</h3>
        <span className="muted">the instances scaling plans may use, with their limits and prices</span>
        <span className="spacer" />
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          className="catalog-file"
          data-testid="catalog-import-input"
          aria-label="Import a catalog CSV"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file !== undefined) void importCsv(file);
          }}
        />
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()} title="Replace the catalog with a CSV file (all rows or none)">
          Import CSV…
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={rows === undefined || rows.length === 0}>
          Export CSV
        </button>
      </div>
      {message !== undefined ? (
        <p className={message.kind === 'error' ? 'error-text catalog-message' : 'ok-text catalog-message'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="catalog-message">
          {message.text}
        </p>
      ) : null}
      {catalog.error !== undefined ? (
        <p className="error-text" role="alert">
          {catalog.error}
        </p>
      ) : rows === undefined ? (
        <p className="muted">Reading the catalog…</p>
      ) : (
        <CatalogEditor
          key={JSON.stringify(rows)}
          initial={rows}
          systemInstance={system.data?.instance?.instanceClass}
          onSave={async (instances) => {
            const saved = await client.call('catalog.save', { instances });
            setMessage({ kind: 'ok', text: `Saved ${saved.length} instances.` });
          }}
        />
      )}
    </section>
  );
}

interface EditorProps {
  readonly initial: readonly InstanceType[];
  /** The instance the system runs on: deleting it leaves the analyses without capacities. */
  readonly systemInstance: string | undefined;
  readonly onSave: (instances: InstanceType[]) => Promise<void>;
}

function CatalogEditor({ initial, systemInstance, onSave }: EditorProps) {
  const [original] = useState(() => initial.map(toDraft));
  const [rows, setRows] = useState<DraftRow[]>(original);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const problems = validate(rows);
  const problemAt = (key: number, field: string): string | undefined => problems.find((p) => p.rowKey === key && p.field === field)?.message;

  const change = (key: number, field: NumberField | TextField, value: string): void => {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    setDirty(true);
  };
  const changeAll = (field: 'currency' | 'priceNote' | 'pricesAsOf', value: string): void => {
    setRows((current) => current.map((r) => ({ ...r, [field]: value })));
    setDirty(true);
  };
  const addRow = (): void => {
    const last = rows[rows.length - 1];
    const blank: Record<string, string | number> = { key: nextKey++, provider: last?.provider ?? '', instanceClass: '', storageType: last?.storageType ?? '', currency: last?.currency ?? 'USD', priceNote: last?.priceNote ?? '', pricesAsOf: last?.pricesAsOf ?? '' };
    for (const c of NUMBER_COLUMNS) blank[c.field] = '';
    setRows((current) => [...current, blank as DraftRow]);
    setDirty(true);
  };
  const deleteRow = (key: number): void => {
    setRows((current) => current.filter((r) => r.key !== key));
    setDirty(true);
  };
  const save = (): void => {
    setSaving(true);
    setSaveError(undefined);
    onSave(rows.map(fromDraft)).then(
      () => setSaving(false), // the catalog reloads and this editor starts again from it
      (failure: unknown) => {
        setSaving(false);
        setSaveError(failure instanceof BackendError ? failure.message : String(failure));
      },
    );
  };

  const note = common(rows, 'priceNote');
  const asOf = common(rows, 'pricesAsOf');
  const currency = common(rows, 'currency');
  const notes = [...new Set(rows.map((r) => `${r.priceNote} (prices as of ${r.pricesAsOf === '' ? 'an unknown date' : r.pricesAsOf}, ${r.currency})`))];
  const systemGone = systemInstance !== undefined && !rows.some((r) => r.instanceClass.trim() === systemInstance);

  return (
    <div>
      <div className="price-note catalog-price-note" data-testid="price-note">
        {note !== undefined ? (
          <>
            <strong>{note === '' ? 'No note on these prices.' : note}</strong>
            <span className="catalog-as-of">
              Prices as of <strong data-testid="prices-as-of">{asOf ?? 'several dates'}</strong>
              {currency !== undefined ? `, ${currency}` : ''}
            </span>
          </>
        ) : (
          notes.map((n) => <div key={n}>{n}</div>)
        )}
      </div>
      <div className="catalog-common">
        <label>
          Price note (every row)
          <input value={note ?? ''} placeholder={note === undefined ? 'differs by row; typing here sets every row' : ''} maxLength={500} onChange={(e) => changeAll('priceNote', e.target.value)} />
        </label>
        <label>
          Prices as of
          <input className="short" value={asOf ?? ''} placeholder={asOf === undefined ? 'differs by row' : 'YYYY-MM-DD'} maxLength={32} onChange={(e) => changeAll('pricesAsOf', e.target.value)} />
        </label>
        <label>
          Currency
          <input className="tiny" value={currency ?? ''} placeholder={currency === undefined ? 'mixed' : ''} maxLength={8} onChange={(e) => changeAll('currency', e.target.value)} />
        </label>
      </div>
      <div className="catalog-scroll">
        <table className="data-table compact catalog-table" data-testid="catalog-table" aria-label="Instance catalog">
          <thead>
            <tr>
              {TEXT_COLUMNS.map((c) => (
                <th key={c.field}>{c.label}</th>
              ))}
              {NUMBER_COLUMNS.map((c) => (
                <th key={c.field} className="num">
                  {c.label}
                </th>
              ))}
              <th>
                <span className="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const name = row.instanceClass.trim() === '' ? `row ${index + 1}` : row.instanceClass.trim();
              return (
                <tr key={row.key} data-instance={row.instanceClass} className={row.instanceClass.trim() === systemInstance ? 'catalog-current' : undefined}>
                  {TEXT_COLUMNS.map((c) => {
                    const problem = problemAt(row.key, c.field);
                    return (
                      <td key={c.field}>
                        <input
                          className={`catalog-cell text-${c.field}${problem === undefined ? '' : ' invalid'}`}
                          value={row[c.field]}
                          aria-label={`${c.label} of ${name}`}
                          aria-invalid={problem !== undefined}
                          title={problem}
                          maxLength={120}
                          onChange={(e) => change(row.key, c.field, e.target.value)}
                        />
                      </td>
                    );
                  })}
                  {NUMBER_COLUMNS.map((c) => {
                    const problem = problemAt(row.key, c.field);
                    return (
                      <td key={c.field} className="num">
                        <input
                          className={`catalog-cell num${problem === undefined ? '' : ' invalid'}`}
                          inputMode="decimal"
                          value={row[c.field]}
                          aria-label={`${c.label} of ${name}`}
                          aria-invalid={problem !== undefined}
                          title={problem}
                          onChange={(e) => change(row.key, c.field, e.target.value)}
                        />
                      </td>
                    );
                  })}
                  <td>
                    <button type="button" className="link" aria-label={`Delete ${name}`} title={`Delete ${name}`} onClick={() => deleteRow(row.key)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problems.length > 0 ? (
        <ul className="error-text catalog-problems" role="alert" data-testid="catalog-problems">
          {problems.slice(0, 8).map((p) => (
            <li key={`${p.rowKey}-${p.field}-${p.message}`}>{p.message}</li>
          ))}
          {problems.length > 8 ? <li>… and {problems.length - 8} more</li> : null}
        </ul>
      ) : null}
      {systemGone ? <p className="warn-text">The system runs on {systemInstance}, which is no longer in the catalog: the Headroom and Compare screens need its limits and prices.</p> : null}
      <div className="catalog-actions">
        <button type="button" onClick={addRow}>
          Add a row
        </button>
        {systemInstance !== undefined && !systemGone ? <span className="muted catalog-current-key">highlighted: {systemInstance}, the instance the system runs on</span> : null}
        <span className="spacer" />
        {dirty ? <span className="muted">unsaved changes · {rows.length} instances</span> : <span className="muted">{rows.length} instances</span>}
        <button
          type="button"
          disabled={!dirty || saving}
          onClick={() => {
            setRows(original);
            setDirty(false);
            setSaveError(undefined);
          }}
        >
          Discard changes
        </button>
        <button type="button" className="primary" disabled={!dirty || saving || problems.length > 0 || rows.length === 0} onClick={save}>
          {saving ? 'Saving…' : 'Save catalog'}
        </button>
      </div>
      {saveError !== undefined ? (
        <p className="error-text" role="alert" data-testid="catalog-save-error">
          {saveError}
        </p>
      ) : null}
    </div>
  );
}
