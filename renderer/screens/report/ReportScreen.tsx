import { useEffect, useMemo, useState } from 'react';
import type { ReportSettings } from '../../../shared/api/report-schema.js';
import { renderReportCsv } from '../../../shared/report/render-csv.js';
import { renderReportHtml } from '../../../shared/report/render-html.js';
import { SECTION_IDS, type SectionId, type SignOff } from '../../../shared/report/report-types.js';
import { BackendError } from '../../api/backend-client.js';
import { useBackend } from '../../app/backend-context.js';
import { downloadBlob, downloadText } from '../../app/download.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { useComputation } from '../../app/use-computation.js';
import { useDebounced } from '../../app/use-debounced.js';
import { reportFileName, withSignOff } from './report-document.js';
import './report.css';

interface Props {
  readonly revision: number;
}

const SECTION_LABELS: Readonly<Record<SectionId, { readonly name: string; readonly for: string }>> = {
  capacity: { name: 'Capacity review', for: 'headroom, runway and forecasts with their accuracy' },
  scaling: { name: 'Scaling decision', for: 'options, costs, the recommendation and the recorded choice' },
  dr: { name: 'DR sign-off', for: 'pass/fail per scenario, worst case beside P95/P99, drivers, projection' },
};

const EMPTY_SIGN_OFF: SignOff = { preparedBy: '', reviewedBy: '', decision: '', date: '' };

type Choices = Required<Pick<ReportSettings, 'sections' | 'confidence' | 'pricing' | 'seed'>> & { readonly horizon: string | null };
const DEFAULT_CHOICES: Choices = { sections: [...SECTION_IDS], horizon: null, confidence: 'p90', pricing: 'on-demand', seed: 1 };

/**
 * The Report screen: what leaves the laptop for the budget review or the DR sign-off —
 * the sections chosen, the sign-off block, a live preview of the very HTML that is
 * exported, and the exports (HTML, PDF, JSON, CSV tables). Figures are computed in the
 * compute worker; the title and sign-off are applied here, so typing never recomputes.
 */
export function ReportScreen({ revision }: Props) {
  const client = useBackend();
  const saved = useBackendQuery('reportSettings.get', {}, String(revision));
  const [edited, setEdited] = useState<{ choices: Choices; title: string; signOff: SignOff }>();
  const base = useMemo(() => {
    const s = saved.data ?? null;
    return { choices: s === null ? DEFAULT_CHOICES : { sections: s.sections, horizon: s.horizon ?? null, confidence: s.confidence ?? 'p90', pricing: s.pricing ?? 'on-demand', seed: s.seed ?? 1 }, title: s?.title ?? '', signOff: s?.signOff ?? EMPTY_SIGN_OFF };
  }, [saved.data]);
  const { choices, title, signOff } = edited ?? base;
  const update = (change: Partial<{ choices: Choices; title: string; signOff: SignOff }>): void => setEdited({ choices, title, signOff, ...change });

  // Keep the choices in the workspace (a moment after the last change).
  const settled = useDebounced(edited, 800);
  useEffect(() => {
    if (settled === undefined) return;
    void client.call('reportSettings.save', { ...settled.choices, title: settled.title, signOff: settled.signOff }).catch(() => undefined);
  }, [client, settled]);

  const request = saved.loading ? null : choices;
  const build = useComputation('report.build', request, String(revision));
  const model = useMemo(() => (build.result === undefined ? undefined : withSignOff(build.result, title, signOff)), [build.result, title, signOff]);
  const html = useMemo(() => (model === undefined ? '' : renderReportHtml(model)), [model]);
  const tables = useMemo(() => (model === undefined ? [] : renderReportCsv(model)), [model]);
  const [pdf, setPdf] = useState<{ readonly state: 'printing' } | { readonly state: 'done'; readonly text: string } | { readonly state: 'failed'; readonly text: string }>();

  const printPdf = async (): Promise<void> => {
    setPdf({ state: 'printing' });
    try {
      const result = await client.call('report.pdf', { ...choices, title, signOff });
      const bytes = Uint8Array.from(atob(result.base64), (c) => c.charCodeAt(0));
      downloadBlob(result.fileName, new Blob([bytes], { type: 'application/pdf' }));
      setPdf({ state: 'done', text: `${result.fileName}: ${result.pages} page${result.pages === 1 ? '' : 's'}` });
    } catch (error) {
      setPdf({ state: 'failed', text: error instanceof BackendError ? error.message : String(error) });
    }
  };

  const unavailable = model?.sections.filter((s) => s.status === 'unavailable') ?? [];
  return (
    <div className="screen report-screen">
      <div className="screen-head">
        <h1>Report</h1>
        <span className="muted" data-testid="report-line">
          {model === undefined ? 'the capacity review, scaling decision and DR sign-off, ready to file' : `${model.meta.title} · ${model.sections.length} section${model.sections.length === 1 ? '' : 's'}`}
        </span>
        {build.running !== undefined ? (
          <span className="computing" role="status" data-testid="report-status">
            {build.running.phase}… {Math.round(build.running.fraction * 100)} % <button type="button" onClick={build.cancel}>Cancel</button>
          </span>
        ) : null}
      </div>
      <div className="report-layout">
        <aside className="report-options" aria-label="Report options">
          <fieldset>
            <legend>Sections</legend>
            {SECTION_IDS.map((id) => (
              <label key={id} className="report-check">
                <input
                  type="checkbox"
                  checked={choices.sections.includes(id)}
                  disabled={choices.sections.length === 1 && choices.sections.includes(id)}
                  onChange={(e) => update({ choices: { ...choices, sections: SECTION_IDS.filter((s) => (s === id ? e.target.checked : choices.sections.includes(s))) } })}
                />
                <span>
                  <strong>{SECTION_LABELS[id].name}</strong>
                  <br />
                  <span className="muted">{SECTION_LABELS[id].for}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Figures</legend>
            <label>
              Scaling horizon
              <select value={choices.horizon ?? ''} onChange={(e) => update({ choices: { ...choices, horizon: e.target.value === '' ? null : e.target.value } })}>
                <option value="">the system’s</option>
                <option value="12mo">12 months</option>
                <option value="24mo">24 months</option>
                <option value="36mo">36 months</option>
              </select>
            </label>
            <label>
              Plan for
              <select value={choices.confidence} onChange={(e) => update({ choices: { ...choices, confidence: e.target.value as Choices['confidence'] } })}>
                <option value="p90">P90 load</option>
                <option value="p50">P50 load</option>
              </select>
            </label>
            <label>
              Prices
              <select value={choices.pricing} onChange={(e) => update({ choices: { ...choices, pricing: e.target.value as Choices['pricing'] } })}>
                <option value="on-demand">on-demand</option>
                <option value="committed">committed</option>
              </select>
            </label>
            <label>
              Seed
              <input type="number" min={0} value={choices.seed} onChange={(e) => update({ choices: { ...choices, seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) } })} />
            </label>
          </fieldset>
          <fieldset>
            <legend>Sign-off</legend>
            <label>
              Title
              <input type="text" value={title} placeholder={build.result?.meta.title ?? ''} onChange={(e) => update({ title: e.target.value })} maxLength={200} />
            </label>
            {(
              [
                ['preparedBy', 'Prepared by'],
                ['reviewedBy', 'Reviewed by'],
                ['date', 'Date'],
              ] as const
            ).map(([key, label]) => (
              <label key={key}>
                {label}
                <input type="text" value={signOff[key]} onChange={(e) => update({ signOff: { ...signOff, [key]: e.target.value } })} maxLength={200} />
              </label>
            ))}
            <label>
              Decision
              <textarea rows={3} value={signOff.decision} onChange={(e) => update({ signOff: { ...signOff, decision: e.target.value } })} maxLength={2000} />
            </label>
          </fieldset>
          <fieldset>
            <legend>Export</legend>
            <div className="report-exports">
              <button type="button" className="primary" disabled={model === undefined} onClick={() => model !== undefined && downloadText(reportFileName(model, 'html'), html, 'text/html')}>
                HTML
              </button>
              <button type="button" disabled={model === undefined || pdf?.state === 'printing'} onClick={() => void printPdf()}>
                {pdf?.state === 'printing' ? 'Printing…' : 'PDF'}
              </button>
              <button type="button" disabled={model === undefined} onClick={() => model !== undefined && downloadText(reportFileName(model, 'json'), `${JSON.stringify(model, null, 2)}\n`, 'application/json')}>
                JSON
              </button>
            </div>
            {pdf === undefined || pdf.state === 'printing' ? null : (
              <p className={pdf.state === 'failed' ? 'error-text' : 'muted'} role={pdf.state === 'failed' ? 'alert' : 'status'} data-testid="report-pdf-state">
                {pdf.text}
              </p>
            )}
            <div className="report-csv">
              <span className="muted">CSV tables:</span>
              {tables.map((t) => (
                <button key={t.name} type="button" className="link" onClick={() => model !== undefined && downloadText(reportFileName(model, '').replace(/\.$/, `-${t.name}.csv`), t.csv, 'text/csv')}>
                  {t.name}
                </button>
              ))}
            </div>
            <p className="muted small">
              The HTML and JSON carry what is needed to recompute them: <code>headroom report --verify &lt;file&gt; --workspace &lt;w&gt;</code> says whether every number still matches.
            </p>
          </fieldset>
        </aside>
        <section className="report-preview panel" aria-label="Preview">
          {build.error !== undefined ? (
            <p className="error-text" role="alert">
              The report could not be computed: {build.error}
            </p>
          ) : null}
          {unavailable.length === 0 ? null : (
            <p className="muted" data-testid="report-unavailable">
              Without data: {unavailable.map((s) => `${SECTION_LABELS[s.id].name} (${s.status === 'unavailable' ? s.reason : ''})`).join('; ')}
            </p>
          )}
          {model === undefined ? (
            <p className="muted">{build.running !== undefined ? 'Computing the report…' : 'Choose at least one section.'}</p>
          ) : (
            // No scripts, no same origin: the preview is the exported file, shown inert.
            <iframe title="Report preview" className={`report-frame${build.running !== undefined ? ' stale' : ''}`} sandbox="" srcDoc={html} data-testid="report-frame" />
          )}
        </section>
      </div>
    </div>
  );
}
