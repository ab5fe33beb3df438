import { useEffect, useMemo, useState } from 'react';
import type { UslCoefficients } from '../../../shared/usl/usl-model.js';
import type { ApiInput } from '../../../shared/api/contract.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { useComputation } from '../../app/use-computation.js';
import { LatencyPanel } from './LatencyPanel.js';
import { QueuePanel } from './QueuePanel.js';
import { TimelinePanel } from './TimelinePanel.js';
import { UslPanel } from './UslPanel.js';
import { uslRows, type MeasuredPoint } from './usl-curves.js';
import { WhatIfPanel, type Overrides } from './WhatIfPanel.js';
import './scalability.css';

interface Props {
  readonly revision: number;
}

interface Settings {
  readonly overrides: Overrides;
  readonly fraction: number;
}

const DEFAULTS: Settings = { overrides: {}, fraction: 0.8 };
/** Slider moves within this are one computation. */
const DEBOUNCE_MS = 250;

/**
 * The Scalability screen: the load test fitted with the Universal Scalability Law (peak
 * and what-if), the latency it implies, when forecast load reaches a share of the peak,
 * and the CPU as an M/M/c queue now and six months ahead.
 */
export function ScalabilityScreen({ revision }: Props) {
  const loadTests = useBackendQuery('loadTest.list', {}, String(revision));
  const series = useBackendQuery('series.list', {}, String(revision));
  const [loadTest, setLoadTest] = useState<string>();
  // What the controls show now, and what was last sent (DEBOUNCE_MS after the last move).
  const [draft, setDraft] = useState<Settings>(DEFAULTS);
  const [sent, setSent] = useState<Settings>(DEFAULTS);
  useEffect(() => {
    if (draft === sent) return;
    const timer = setTimeout(() => setSent(draft), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, sent]);

  const request = useMemo<Omit<ApiInput<'scalability.analyse'>, 'requestId'>>(() => {
    const overrides = Object.fromEntries(Object.entries(sent.overrides).filter(([, v]) => v !== undefined));
    return { ...(loadTest === undefined ? {} : { loadTest }), ...(Object.keys(overrides).length > 0 ? { overrides } : {}), fraction: sent.fraction };
  }, [loadTest, sent]);
  const analysis = useComputation('scalability.analyse', request, String(revision));
  const result = analysis.result;
  const usl = result?.usl;
  const overridden = usl?.ok === true && Object.keys(usl.value.whatIf.coefficients).some((k) => usl.value.whatIf.coefficients[k as keyof UslCoefficients] !== usl.value.whatIf.base[k as keyof UslCoefficients]);

  const unit = useMemo(() => {
    const names = result?.throughputSeries ?? [];
    const units = new Set((series.data ?? []).filter((s) => names.includes(s.name)).map((s) => s.unit));
    return units.size === 1 ? ([...units][0] ?? 'req/s') : 'req/s';
  }, [result, series.data]);

  const measured = useMemo<MeasuredPoint[]>(() => {
    if (usl?.ok !== true) return [];
    const test = (loadTests.data ?? []).find((t) => t.name === usl.value.loadTest);
    return test !== undefined ? test.points.map((p) => ({ concurrency: p.concurrency, throughput: p.throughput, latencyMs: p.latencyMs })) : usl.value.fit.points.map((p) => ({ ...p, latencyMs: null }));
  }, [usl, loadTests.data]);
  const rows = useMemo(() => {
    if (usl?.ok !== true) return [];
    const { fit, whatIf } = usl.value;
    return uslRows(measured, fit, overridden ? whatIf.coefficients : undefined, [fit.peakN, overridden ? whatIf.peak.peakN : null]);
  }, [usl, measured, overridden]);

  const chooseLoadTest = (name: string): void => {
    setLoadTest(name);
    setDraft(DEFAULTS);
    setSent(DEFAULTS);
  };
  const testNames = result?.loadTests ?? (loadTests.data ?? []).map((t) => t.name);
  const shownTest = loadTest ?? (usl?.ok === true ? usl.value.loadTest : testNames[0]);
  const description = (loadTests.data ?? []).find((t) => t.name === shownTest)?.description;

  return (
    <div className="screen scalability-screen">
      <div className="screen-head">
        <h1>Scalability</h1>
        {testNames.length > 1 ? (
          <label className="series-picker">
            Load test
            <select aria-label="Load test" value={shownTest ?? ''} onChange={(e) => chooseLoadTest(e.target.value)} data-testid="loadtest-picker">
              {testNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : shownTest !== undefined ? (
          <span data-testid="loadtest-name">
            Load test: <strong>{shownTest}</strong>
          </span>
        ) : null}
        {result !== undefined ? (
          <span className="muted" data-testid="scalability-inputs">
            Throughput: {result.throughputSeries.length > 0 ? `${result.throughputSeries.join(' + ')} (${unit})` : 'no series'} · {result.servers === null ? 'cores unknown: choose an instance on the Headroom screen' : `${result.servers} cores (vCPU of the instance)`}
          </span>
        ) : null}
        {analysis.running !== undefined ? (
          <span className="computing" role="status" data-testid="scalability-status">
            {analysis.running.phase}… <button type="button" onClick={analysis.cancel}>Cancel</button>
          </span>
        ) : null}
      </div>
      {description !== undefined && description !== '' ? <p className="muted sc-description">{description}</p> : null}
      {analysis.error !== undefined ? (
        <p className="error-text" role="alert" data-testid="scalability-error">
          {analysis.error}
        </p>
      ) : null}
      {loadTests.error !== undefined ? (
        <p className="error-text" role="alert">
          Could not list the load tests: {loadTests.error}
        </p>
      ) : null}
      {result === undefined ? (
        analysis.error === undefined ? (
          <p className="muted" data-testid="scalability-loading">
            Fitting the load test and forecasting throughput…
          </p>
        ) : null
      ) : (
        <>
          <UslPanel usl={result.usl} timeline={result.timeline} rows={rows} overridden={overridden} unit={unit} />
          <div className="sc-row">
            <WhatIfPanel
              fit={result.usl.ok ? result.usl.value.fit : undefined}
              whatIf={result.usl.ok ? result.usl.value.whatIf : undefined}
              overrides={draft.overrides}
              fraction={draft.fraction}
              computing={analysis.running !== undefined || draft !== sent}
              unit={unit}
              onOverride={(key, value) => setDraft((d) => ({ ...d, overrides: withOverride(d.overrides, key, value) }))}
              onFraction={(fraction) => setDraft((d) => ({ ...d, fraction }))}
              onReset={() => {
                setDraft(DEFAULTS);
                setSent(DEFAULTS);
              }}
            />
            <LatencyPanel usl={result.usl} rows={rows} overridden={overridden} />
          </div>
          <TimelinePanel timeline={result.timeline} xMax={result.usl.ok ? result.usl.value.whatIf.peak.peakThroughput : null} unit={unit} />
          <QueuePanel queue={result.queue} unit={unit} />
        </>
      )}
    </div>
  );
}

/** The overrides with one coefficient set, or removed (back to the fit) when undefined. */
function withOverride(overrides: Overrides, key: keyof UslCoefficients, value: number | undefined): Overrides {
  const entries = Object.entries(overrides).filter(([k, v]) => k !== key && v !== undefined);
  return Object.fromEntries(value === undefined ? entries : [...entries, [key, value]]) as Overrides;
}
