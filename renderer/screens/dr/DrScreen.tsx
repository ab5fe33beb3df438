import { useMemo, useState } from 'react';
import { DrPlanError, parseDrPlan } from '../../../shared/dr/dr-plan-schema.js';
import { useBackend } from '../../app/backend-context.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { useComputation } from '../../app/use-computation.js';
import { useDebounced } from '../../app/use-debounced.js';
import { useDraft } from '../../app/use-draft.js';
import { BackendError } from '../../api/backend-client.js';
import { DistributionChart } from './DistributionChart.js';
import { formatSeconds } from './dr-format.js';
import { PlanEditor } from './PlanEditor.js';
import { splitIssue, type PlanJson } from './plan-paths.js';
import { ProjectionChart } from './ProjectionChart.js';
import { RecoveryTimeline } from './RecoveryTimeline.js';
import { RepositoryPanel } from './RepositoryPanel.js';
import { ScenarioResults } from './ScenarioResults.js';
import { VerdictStrip } from './VerdictStrip.js';
import './dr.css';

interface Props {
  readonly revision: number;
}

type Tab = 'results' | 'plan';

const TRIAL_CHOICES = [10_000, 100_000, 1_000_000] as const;

/** An expected annual figure; null when some scenario can end with no recovery at all. */
const perYear = (seconds: number | null): string => (seconds === null ? 'unbounded' : formatSeconds(seconds));

/** Validation of the plan being edited: every issue, and by field (the path text) for the form. */
function validate(plan: PlanJson | undefined): { readonly issues: readonly string[]; readonly byField: ReadonlyMap<string, readonly string[]> } {
  if (plan === undefined) return { issues: [], byField: new Map() };
  try {
    parseDrPlan(plan);
    return { issues: [], byField: new Map() };
  } catch (error) {
    if (!(error instanceof DrPlanError)) throw error;
    const byField = new Map<string, string[]>();
    for (const issue of error.issues) {
      const { key, message } = splitIssue(issue);
      byField.set(key, [...(byField.get(key) ?? []), message]);
    }
    return { issues: error.issues, byField };
  }
}

/**
 * The DR screen, for the sign-off meeting: does the backup and replication plan meet its
 * RPO and RTO per failure, how often not, what drives it, and when growth breaks it.
 * The plan is edited as forms and kept in the workspace (with a crash-safe draft);
 * results follow every valid change, simulated in the compute worker.
 */
export function DrScreen({ revision }: Props) {
  const client = useBackend();
  const stored = useBackendQuery('drPlan.get', {}, String(revision));
  const draft = useBackendQuery('draft.get', { editor: 'dr-plan' }, String(revision));
  const presets = useBackendQuery('drPlan.presets', {}, '');
  const example = useBackendQuery('dr.example', {}, '');
  // The plan being edited; undefined shows the stored plan (or the example when none is stored).
  const [edited, setEdited] = useState<PlanJson>();
  const [dirty, setDirty] = useState(false);
  const [draftDismissed, setDraftDismissed] = useState(false);
  const [tab, setTab] = useState<Tab>('results');
  const [trials, setTrials] = useState<number>(100_000);
  const [seed, setSeed] = useState(1);
  const [selected, setSelected] = useState<string>();
  const [saveState, setSaveState] = useState<{ readonly kind: 'saved' | 'error'; readonly text: string }>();

  const plan: PlanJson | undefined = edited ?? (stored.loading ? undefined : (stored.data?.plan ?? example.data));
  // A draft left by a crash is offered, not imposed.
  const leftover = draft.data ?? null;
  const draftOffered = !draftDismissed && edited === undefined && leftover !== null && !stored.loading && JSON.stringify(leftover.value) !== JSON.stringify(stored.data?.plan);

  useDraft('dr-plan', plan, dirty);
  const edit = (next: PlanJson): void => {
    setEdited(next);
    setDirty(true);
    setSaveState(undefined);
  };

  const validation = useMemo(() => validate(plan), [plan]);
  const settled = useDebounced(validation.issues.length === 0 ? plan : undefined, 400);
  const simulation = useComputation('dr.simulate', settled === undefined ? null : { plan: settled as Record<string, unknown>, trials, seed }, String(revision));
  const inputs = useComputation('drPlan.inputs', { horizonMonths: 24 }, String(revision));
  const result = simulation.result;
  const scenario = result?.scenarios.find((s) => s.id === selected) ?? result?.scenarios.find((s) => s.verdict.rto === 'breached' || s.verdict.rpo === 'breached') ?? result?.scenarios[0];

  const save = async (): Promise<void> => {
    if (plan === undefined) return;
    try {
      const saved = await client.call('drPlan.save', { plan: plan as Record<string, unknown> });
      await client.call('draft.discard', { editor: 'dr-plan' });
      setDirty(false);
      setDraftDismissed(true);
      setSaveState({ kind: 'saved', text: `Saved in the workspace at ${saved.savedAt.slice(11, 19)} UTC; reports use this plan.` });
    } catch (error) {
      setSaveState({ kind: 'error', text: error instanceof BackendError ? error.message : String(error) });
    }
  };
  const revert = (): void => {
    setEdited(undefined);
    setDirty(false);
    setDraftDismissed(true);
    setSaveState(undefined);
    void client.call('draft.discard', { editor: 'dr-plan' }).catch(() => undefined);
  };
  const startFrom = (id: string): void => {
    const preset = presets.data?.vendors.find((p) => p.id === id);
    const next = id === 'example' ? example.data : preset?.plan;
    if (next !== undefined) edit(structuredClone(next));
  };

  const status = validation.issues.length > 0 ? `${validation.issues.length} problem${validation.issues.length === 1 ? '' : 's'} in the plan` : dirty ? 'unsaved changes' : stored.data === null ? 'not saved in this workspace yet' : 'saved';

  return (
    <div className="screen dr-screen">
      <div className="screen-head">
        <h1>Disaster recovery</h1>
        <span className="muted" data-testid="dr-line">
          {result === undefined ? 'RPO and RTO of the backup and replication plan, per failure' : `${result.plan.name} · ${result.plan.engine} · ${result.plan.sizeGiB.toLocaleString('en-US', { maximumFractionDigits: 0 })} GiB · per year, all scenarios: ${perYear(result.annual.expectedDataLossSeconds)} of data lost, ${perYear(result.annual.expectedDowntimeSeconds)} down (expected)${result.annual.expectedDataLossSeconds === null || result.annual.expectedDowntimeSeconds === null ? ' — some events leave nothing to recover' : ''}`}
        </span>
        {simulation.running !== undefined ? (
          <span className="computing" role="status" data-testid="dr-status">
            {simulation.running.phase}… {Math.round(simulation.running.fraction * 100)} % <button type="button" onClick={simulation.cancel}>Cancel</button>
          </span>
        ) : null}
      </div>

      {draftOffered ? (
        <div className="dr-banner" role="alert" data-testid="dr-draft-banner">
          Unsaved edits of this plan from {leftover.savedAt.replace('T', ' ').slice(0, 19)} UTC were kept (the app closed before they were saved).
          <button type="button" onClick={() => edit(leftover.value as PlanJson)}>
            Restore them
          </button>
          <button
            type="button"
            onClick={() => {
              setDraftDismissed(true);
              void client.call('draft.discard', { editor: 'dr-plan' }).catch(() => undefined);
            }}
          >
            Discard
          </button>
        </div>
      ) : null}

      <div className="dr-toolbar" role="group" aria-label="Plan and simulation">
        <div className="segmented" role="tablist" aria-label="View">
          <button type="button" role="tab" aria-selected={tab === 'results'} className={tab === 'results' ? 'active' : undefined} onClick={() => setTab('results')}>
            Results
          </button>
          <button type="button" role="tab" aria-selected={tab === 'plan'} className={tab === 'plan' ? 'active' : undefined} onClick={() => setTab('plan')}>
            Plan
          </button>
        </div>
        <span className={`dr-plan-status${validation.issues.length > 0 ? ' invalid' : ''}`} data-testid="dr-plan-status">
          {status}
        </span>
        <button type="button" className="primary" disabled={plan === undefined || validation.issues.length > 0 || !dirty} onClick={() => void save()}>
          Save plan
        </button>
        <button type="button" disabled={!dirty} onClick={revert}>
          Revert
        </button>
        <label>
          Start from{' '}
          <select value="" onChange={(e) => startFrom(e.target.value)} aria-label="Start from a preset">
            <option value="">…</option>
            <option value="example">the example (Patroni + pgBackRest)</option>
            {(presets.data?.vendors ?? []).map((p) => (
              <option key={p.id} value={p.id} title={`${p.claim} — ${p.source}`}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Trials{' '}
          <select value={trials} onChange={(e) => setTrials(Number(e.target.value))} aria-label="Trials per scenario">
            {TRIAL_CHOICES.map((t) => (
              <option key={t} value={t}>
                {t.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} style={{ width: '5em' }} aria-label="Seed" />
        </label>
      </div>
      {saveState === undefined ? null : (
        <p className={saveState.kind === 'error' ? 'error-text' : 'muted'} role={saveState.kind === 'error' ? 'alert' : 'status'} data-testid="dr-save-state">
          {saveState.text}
        </p>
      )}

      {validation.issues.length > 0 ? (
        <div className="dr-issues" role="alert" data-testid="dr-issues">
          <strong>The plan cannot be simulated until these are fixed</strong> (results below are from the last valid plan):
          <ul>
            {validation.issues.slice(0, 8).map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {simulation.error !== undefined ? (
        <p className="error-text" role="alert">
          The simulation failed: {simulation.error}
        </p>
      ) : null}

      {tab === 'plan' && plan !== undefined ? (
        <>
          {result === undefined ? null : <VerdictStrip scenarios={result.scenarios} />}
          <PlanEditor plan={plan} onPlan={edit} issues={validation.byField} tiers={presets.data?.tiers ?? []} inputs={inputs} />
        </>
      ) : null}

      {tab === 'results' ? (
        result === undefined ? (
          <p className="muted">{simulation.running !== undefined ? 'Simulating every scenario…' : 'Waiting for a valid plan.'}</p>
        ) : (
          <div className={`dr-body${simulation.running !== undefined ? ' stale' : ''}`} aria-busy={simulation.running !== undefined}>
            <ScenarioResults scenarios={result.scenarios} selected={scenario?.id} onSelect={setSelected} trials={result.trials} />
            {scenario === undefined ? null : (
              <>
                <p className="dr-summary" data-testid="dr-scenario-summary">
                  <strong>{scenario.label}:</strong> {scenario.summary} Lost: {scenario.lost.independent.join(', ') || 'nothing'}.
                </p>
                <div className="dr-two">
                  <DistributionChart scenario={scenario} />
                  <RecoveryTimeline scenario={scenario} />
                </div>
                <ProjectionChart scenario={scenario} />
              </>
            )}
            <RepositoryPanel result={result} />
            {result.notes.length === 0 ? null : (
              <section className="panel" aria-labelledby="dr-notes-title">
                <div className="panel-head">
                  <h2 id="dr-notes-title">Notes on the plan</h2>
                </div>
                <ul>
                  {result.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        )
      ) : null}
    </div>
  );
}
