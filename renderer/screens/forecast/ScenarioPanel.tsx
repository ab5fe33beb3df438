import { useEffect, useState } from 'react';
import type { Scenario, ScenarioChange } from '../../../shared/forecast/scenarios.js';
import { BackendError } from '../../api/backend-client.js';
import { useBackend } from '../../app/backend-context.js';
import { useBackendQuery } from '../../app/use-backend-query.js';

interface Props {
  readonly revision: number;
  /** Saved scenarios drawn on the forecast, by name. */
  readonly applied: readonly string[];
  readonly onApply: (names: readonly string[]) => void;
  /** The scenario being edited, previewed on the chart before it is saved (undefined: none). */
  readonly onDraft: (scenario: Scenario | undefined) => void;
  readonly onSaved: () => void;
  /** Where new changes start by default: the last observation. */
  readonly lastObservedMs: number | undefined;
}

type Kind = ScenarioChange['kind'];

interface DraftChange {
  kind: Kind;
  date: string;
  until: string;
  percent: string;
  amount: string;
  multiplier: string;
}

const KIND_LABELS: Readonly<Record<Kind, string>> = {
  step: 'step: +% from a date',
  ramp: 'ramp: +% reached linearly between two dates',
  'one-off': 'one-off: add an amount on a date',
  growth: 'growth × multiplier',
};

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function emptyChange(fromMs: number): DraftChange {
  return { kind: 'step', date: isoDay(fromMs), until: isoDay(fromMs + 90 * 86_400_000), percent: '30', amount: '500', multiplier: '1.5' };
}

/** The draft's changes as the contract's, or the first problem with them (named by row and field). */
function toChanges(rows: readonly DraftChange[]): ScenarioChange[] | string {
  const out: ScenarioChange[] = [];
  for (const [i, row] of rows.entries()) {
    const where = `change ${i + 1}`;
    const date = Date.parse(`${row.date}T00:00:00Z`);
    const until = Date.parse(`${row.until}T00:00:00Z`);
    const num = (text: string, field: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : `${where}: ${field} '${text}' is not a number`);
    if (row.kind !== 'growth' && !Number.isFinite(date)) return `${where}: the date is missing`;
    if (row.kind === 'step' || row.kind === 'ramp') {
      const percent = num(row.percent, 'percent');
      if (typeof percent === 'string') return percent;
      if (percent < -99) return `${where}: a change below −99 % would remove the whole load`;
      if (row.kind === 'ramp' && !(until > date)) return `${where}: the ramp must end after it starts`;
      out.push(row.kind === 'step' ? { kind: 'step', atMs: date, percent } : { kind: 'ramp', fromMs: date, toMs: until, percent });
    } else if (row.kind === 'one-off') {
      const amount = num(row.amount, 'amount');
      if (typeof amount === 'string') return amount;
      out.push({ kind: 'one-off', atMs: date, amount });
    } else {
      const multiplier = num(row.multiplier, 'multiplier');
      if (typeof multiplier === 'string') return multiplier;
      if (multiplier < 0 || multiplier > 100) return `${where}: the multiplier must be between 0 and 100`;
      out.push({ kind: 'growth', multiplier });
    }
  }
  return out.length === 0 ? 'add at least one change' : out;
}

/**
 * Named what-if scenarios: saved in the workspace, applied to the forecast side by side
 * with the baseline, and an editor whose draft is previewed on the chart before saving.
 */
export function ScenarioPanel({ revision, applied, onApply, onDraft, onSaved, lastObservedMs }: Props) {
  const client = useBackend();
  const saved = useBackendQuery('scenario.list', {}, String(revision));
  const [name, setName] = useState('');
  const [rows, setRows] = useState<DraftChange[]>([]);
  const [preview, setPreview] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [openedAt] = useState(() => Date.now());
  const start = lastObservedMs ?? openedAt;
  const changes = toChanges(rows);

  useEffect(() => {
    onDraft(preview && typeof changes !== 'string' ? { name: name.trim() === '' ? 'draft' : `${name.trim()} (draft)`, changes } : undefined);
    // Only the draft's content matters; `changes` is recomputed from rows every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preview, name, JSON.stringify(changes), onDraft]);

  const update = (i: number, change: Partial<DraftChange>): void => setRows((current) => current.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const save = async (): Promise<void> => {
    if (name.trim() === '') return setProblem('give the scenario a name');
    if (typeof changes === 'string') return setProblem(changes);
    try {
      await client.call('scenario.save', { name: name.trim(), changes });
      setProblem(undefined);
      onApply([...applied.filter((n) => n !== name.trim()), name.trim()]);
      setRows([]);
      setName('');
      setPreview(false);
      onSaved();
    } catch (error) {
      setProblem(error instanceof BackendError ? error.message : String(error));
    }
  };
  const remove = async (scenarioName: string): Promise<void> => {
    await client.call('scenario.delete', { name: scenarioName });
    onApply(applied.filter((n) => n !== scenarioName));
    onSaved();
  };

  return (
    <section className="panel scenario-panel" aria-label="Scenarios" data-testid="scenario-panel">
      <div className="panel-head">
        <h2>Scenarios</h2>
        <span className="muted">saved in this workspace; applied on top of the forecast, uncertainty included</span>
      </div>
      {(saved.data ?? []).length === 0 ? <p className="muted">No saved scenarios yet.</p> : null}
      <ul className="scenario-list">
        {(saved.data ?? []).map((s) => (
          <li key={s.name}>
            <label>
              <input
                type="checkbox"
                aria-label={`Apply ${s.name}`}
                checked={applied.includes(s.name)}
                onChange={(e) => onApply(e.target.checked ? [...applied, s.name] : applied.filter((n) => n !== s.name))}
              />{' '}
              <strong>{s.name}</strong>
            </label>{' '}
            <span className="muted">{s.changes.map(describeChange).join('; ')}</span>{' '}
            <button type="button" aria-label={`Delete ${s.name}`} onClick={() => void remove(s.name)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <div className="scenario-editor" data-testid="scenario-editor">
        <h3>New scenario</h3>
        <label>
          Name <input aria-label="Scenario name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="e.g. Black Friday launch" />
        </label>
        {rows.map((row, i) => (
          <div key={i} className="scenario-change">
            <select aria-label={`Change ${i + 1} kind`} value={row.kind} onChange={(e) => update(i, { kind: e.target.value as Kind })}>
              {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            {row.kind !== 'growth' ? <input type="date" aria-label={`Change ${i + 1} date`} value={row.date} onChange={(e) => update(i, { date: e.target.value })} /> : null}
            {row.kind === 'ramp' ? <input type="date" aria-label={`Change ${i + 1} end date`} value={row.until} onChange={(e) => update(i, { until: e.target.value })} /> : null}
            {row.kind === 'step' || row.kind === 'ramp' ? (
              <label>
                <input className="short" aria-label={`Change ${i + 1} percent`} value={row.percent} onChange={(e) => update(i, { percent: e.target.value })} /> %
              </label>
            ) : null}
            {row.kind === 'one-off' ? <input className="short" aria-label={`Change ${i + 1} amount`} value={row.amount} onChange={(e) => update(i, { amount: e.target.value })} /> : null}
            {row.kind === 'growth' ? (
              <label>
                × <input className="short" aria-label={`Change ${i + 1} multiplier`} value={row.multiplier} onChange={(e) => update(i, { multiplier: e.target.value })} />
              </label>
            ) : null}
            <button type="button" aria-label={`Remove change ${i + 1}`} onClick={() => setRows((r) => r.filter((_, k) => k !== i))}>
              ×
            </button>
          </div>
        ))}
        <div className="scenario-actions">
          <button type="button" onClick={() => setRows((r) => [...r, emptyChange(start)])}>
            Add change
          </button>
          <label>
            <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} /> Preview on the chart
          </label>
          <button type="button" className="primary" onClick={() => void save()} disabled={rows.length === 0}>
            Save scenario
          </button>
          {problem !== undefined ? (
            <span className="error-text" role="alert">
              {problem}
            </span>
          ) : preview && typeof changes === 'string' && rows.length > 0 ? (
            <span className="warn-text">{changes}</span>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function describeChange(change: ScenarioChange): string {
  const day = (ms: number): string => isoDay(ms);
  switch (change.kind) {
    case 'step':
      return `${change.percent >= 0 ? '+' : ''}${change.percent} % from ${day(change.atMs)}`;
    case 'ramp':
      return `${change.percent >= 0 ? '+' : ''}${change.percent} % ramped ${day(change.fromMs)} → ${day(change.toMs)}`;
    case 'one-off':
      return `${change.amount >= 0 ? '+' : ''}${change.amount} on ${day(change.atMs)}`;
    case 'growth':
      return `growth × ${change.multiplier}`;
  }
}
