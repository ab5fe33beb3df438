import { useState, type FormEvent } from 'react';
import type { ScalingDecision } from '../../../shared/api/types.js';
import type { ScalingOption } from '../../../shared/capacity/scaling/scaling-types.js';
import { BackendError } from '../../api/backend-client.js';
import { useBackend } from '../../app/backend-context.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { formatDateTime } from '../../format/format-time.js';
import { formatMoney } from './compare-format.js';

interface Props {
  readonly options: readonly ScalingOption[];
  readonly recommended: string | null;
}

/** The decision of the budget review: which option, why, who decided; kept in the workspace for the report. */
export function DecisionPanel({ options, recommended }: Props) {
  const stored = useBackendQuery('decision.get', {}, '');
  const [justSaved, setJustSaved] = useState<ScalingDecision>();
  const saved = justSaved ?? stored.data ?? null;
  const loaded = justSaved !== undefined || stored.data !== undefined;
  return (
    <section className="panel cmp-decision" aria-labelledby="cmp-decision-title" data-testid="decision-panel">
      <div className="panel-head">
        <h2 id="cmp-decision-title">Decision</h2>
        <span className="muted">kept in the workspace and shown in the report</span>
      </div>
      {stored.error !== undefined && !loaded ? (
        <p className="error-text" role="alert">
          The saved decision could not be read: {stored.error}
        </p>
      ) : null}
      {saved !== null ? <SavedDecision decision={saved} options={options} /> : loaded ? <p className="muted">No decision recorded yet.</p> : <p className="muted">Reading the saved decision…</p>}
      {loaded ? <DecisionForm key={saved?.decidedAt ?? 'none'} saved={saved} options={options} recommended={recommended} onSaved={setJustSaved} /> : null}
    </section>
  );
}

function SavedDecision({ decision, options }: { readonly decision: ScalingDecision; readonly options: readonly ScalingOption[] }) {
  const option = options.find((o) => o.name === decision.option);
  const decidedAt = Date.parse(decision.decidedAt);
  return (
    <div className="cmp-saved" data-testid="saved-decision">
      <p>
        <strong>Decided: {decision.option}</strong>
        {option !== undefined ? <span className="muted"> · {formatMoney(option.totalCost, option.currency)} at the current settings</span> : null}
      </p>
      <p className="muted">
        {decision.decidedBy.trim() === '' ? 'by (not named)' : `by ${decision.decidedBy}`} on {Number.isFinite(decidedAt) ? `${formatDateTime(decidedAt)} UTC` : decision.decidedAt}
      </p>
      {decision.note.trim() !== '' ? <blockquote className="cmp-note">{decision.note}</blockquote> : null}
      {option === undefined ? (
        <p className="warn-text" role="status">
          This option is not among the options at the current settings; the plan may have changed since.
        </p>
      ) : !option.feasible ? (
        <p className="warn-text">At the current settings this option fails a target: {option.notes[0] ?? 'see the table'}.</p>
      ) : null}
    </div>
  );
}

interface FormProps {
  readonly saved: ScalingDecision | null;
  readonly options: readonly ScalingOption[];
  readonly recommended: string | null;
  readonly onSaved: (decision: ScalingDecision) => void;
}

function DecisionForm({ saved, options, recommended, onSaved }: FormProps) {
  const client = useBackend();
  const initialOption = options.some((o) => o.name === saved?.option) ? (saved?.option ?? '') : (recommended ?? options[0]?.name ?? '');
  const [option, setOption] = useState(initialOption);
  const [note, setNote] = useState(saved?.note ?? '');
  const [decidedBy, setDecidedBy] = useState(saved?.decidedBy ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const chosen = options.find((o) => o.name === option);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (option === '') return;
    setSaving(true);
    setProblem(undefined);
    client.call('decision.save', { option, note, decidedBy }).then(
      (decision) => {
        setSaving(false);
        onSaved(decision);
      },
      (failure: unknown) => {
        setSaving(false);
        setProblem(failure instanceof BackendError ? failure.message : String(failure));
      },
    );
  };

  return (
    <form className="cmp-decision-form" onSubmit={submit} aria-label="Record the decision">
      <label>
        Option
        <select aria-label="Chosen option" value={option} onChange={(e) => setOption(e.target.value)}>
          {options.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
              {o.name === recommended ? ' (recommended)' : ''}
              {o.feasible ? '' : ' (fails a target)'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Decided by
        <input aria-label="Decided by" value={decidedBy} maxLength={200} onChange={(e) => setDecidedBy(e.target.value)} placeholder="name, role or meeting" />
      </label>
      <label className="cmp-note-field">
        Note
        <textarea aria-label="Decision note" value={note} maxLength={4000} rows={3} onChange={(e) => setNote(e.target.value)} placeholder="why this option; conditions; when to revisit" />
      </label>
      {chosen !== undefined && !chosen.feasible ? <p className="warn-text cmp-small">This option fails a target before the horizon ends: {chosen.notes[0] ?? 'see the table'}.</p> : null}
      <div className="cmp-decision-actions">
        <button type="submit" className="primary" disabled={saving || option === ''}>
          {saving ? 'Saving…' : 'Save decision'}
        </button>
        {problem !== undefined ? (
          <span className="error-text" role="alert">
            {problem}
          </span>
        ) : null}
      </div>
    </form>
  );
}
