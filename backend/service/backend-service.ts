import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isApiMethod, type ApiHandlers, type ApiInput, type ApiMethod, type ApiOutput } from '../../shared/api/contract.js';
import { ApiFailure, type Result } from '../../shared/api/result.js';
import type { ApiEvent, WorkspaceInfo } from '../../shared/api/types.js';
import { validateInput } from '../../shared/api/validate-input.js';
import { APP_VERSION } from '../app-version.js';
import { Staging } from '../import/staging.js';
import { previewImport } from '../import/preview-import.js';
import { JobRunner } from '../jobs/job-runner.js';
import { toApiError } from '../jobs/run-import-job.js';
import { AppSettings } from '../settings/app-settings.js';
import { listImports } from '../workspace/import-log.js';
import { openWorkspace, type WorkspaceDb } from '../workspace/open-workspace.js';
import { listInstanceTypes, listLoadTests, saveInstanceTypes } from '../workspace/reference-tables.js';
import { deleteSeries, listSeries } from '../workspace/series-catalog.js';
import { readSeriesWindow } from '../workspace/series-window.js';
import { readSeriesPoints } from '../workspace/series-points.js';
import { deleteScenario, listScenarios, saveScenario } from '../workspace/scenario-store.js';
import { readStatementActivity } from '../workspace/statement-activity.js';
import { loadSystem, saveSystem, systemInstance } from '../workspace/system-store.js';
import { readResourceLoads } from '../workspace/resource-loads.js';
import { defaultThroughputSeries } from '../workspace/throughput-series.js';
import { readScalingRequest } from '../workspace/scaling-request.js';
import { EXAMPLE_DR_PLAN } from '../../shared/dr/example-plan.js';
import { DrPlanError } from '../../shared/dr/dr-plan-schema.js';
import { DR_PRESETS } from '../../shared/dr/presets.js';
import { TIER_PRESETS } from '../../shared/dr/tier-presets.js';
import { loadDrPlan, saveDrPlan } from '../workspace/dr-plan-store.js';
import { discardDraft, loadDraft, saveDraft } from '../workspace/draft-store.js';
import { readDrInputsRequest } from '../workspace/dr-inputs-request.js';
import { loadDecision, saveDecision } from '../workspace/decision-store.js';
import { catalogFromCsv, catalogToCsv } from '../../shared/catalog/catalog-csv.js';
import { sumSeries, type ResourceLoad } from '../../shared/capacity/assess-runway.js';
import { findSeriesByName } from '../workspace/series-catalog.js';
import { ComputeRunner } from '../compute/compute-runner.js';
import type { ComputeResults, ComputeTask } from '../compute/compute-tasks.js';
import { MODEL_DESCRIPTIONS, MODEL_NAMES } from '../../shared/forecast/model-catalog.js';
import { parseHorizon } from '../../shared/time/parse-horizon.js';
import { findUnit } from '../../shared/units/unit-catalog.js';
import type { Scenario } from '../../shared/forecast/scenarios.js';
import { describeWorkspace } from '../workspace/workspace-info.js';
import { readReportData } from '../report/assemble-report.js';
import { assembleOptionsOf, loadReportSettings, saveReportSettings } from '../report/report-request.js';
import { chromiumPdfPrinter, type PdfPrinter } from '../report/print-pdf.js';
import { countPdfPages, PdfRenderFailed, PdfRendererMissing } from '../report/render-pdf.js';
import { renderReportHtml } from '../../shared/report/render-html.js';

export interface BackendOptions {
  readonly host: 'electron' | 'browser';
  readonly settings?: AppSettings;
  /** The built import worker; without it jobs run inline (unit tests from source). */
  readonly importWorkerFile?: string;
  /** The built compute worker (forecasts, analyses); without it they run inline. */
  readonly computeWorkerFile?: string;
  /** How reports become PDFs: headless Chromium by default; the desktop app passes Electron's printToPDF. */
  readonly printPdf?: PdfPrinter;
}

type Listener = (event: ApiEvent) => void;

function dispatch<M extends ApiMethod>(handlers: ApiHandlers, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> | ApiOutput<M> {
  const handler: (input: ApiInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M> = handlers[method];
  return handler(input);
}

/**
 * The backend behind the contract: one instance per app, shared by whichever
 * transport serves the UI (loopback HTTP, Electron IPC). It holds the open workspace,
 * the staged files and the jobs, and publishes events to its listeners.
 */
export class BackendService {
  readonly staging = new Staging();
  readonly settings: AppSettings;
  readonly jobs: JobRunner;
  readonly compute: ComputeRunner;
  /** Computations started with a requestId, so that `compute.cancel` can stop them. */
  private readonly computations = new Map<string, AbortController>();
  private readonly listeners = new Set<Listener>();
  private workspace: { path: string; db: WorkspaceDb } | undefined;
  private readonly handlers: ApiHandlers;

  constructor(private readonly options: BackendOptions) {
    this.settings = options.settings ?? new AppSettings();
    this.jobs = new JobRunner((job) => this.emit({ type: 'job.updated', job }), options.importWorkerFile);
    this.compute = new ComputeRunner(options.computeWorkerFile);
    this.handlers = this.createHandlers();
  }

  /** Subscribes to events; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls a contract method by name with untrusted input; never throws. */
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    try {
      if (!isApiMethod(method)) throw new ApiFailure('not-found', `unknown method '${method}'`);
      const value = await dispatch(this.handlers, method, validateInput(method, input));
      return { ok: true, value };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') console.error(`headroom backend: ${method} failed:`, error);
      return { ok: false, error: apiError };
    }
  }

  /** Opens a workspace (creating it when asked), closing the current one. */
  openWorkspace(path: string, create = false): WorkspaceInfo {
    const absolute = resolve(path);
    const db = openWorkspace(absolute, { create });
    this.workspace?.db.close();
    this.workspace = { path: absolute, db };
    this.settings.noteOpened(absolute);
    const info = describeWorkspace(db, absolute);
    this.emit({ type: 'workspace.changed', workspace: info });
    return info;
  }

  currentWorkspace(): WorkspaceInfo | null {
    return this.workspace === undefined ? null : describeWorkspace(this.workspace.db, this.workspace.path);
  }

  async close(): Promise<void> {
    for (const job of this.jobs.list()) if (job.status === 'running') this.jobs.cancel(job.id);
    await this.jobs.idle();
    await this.compute.close();
    this.workspace?.db.close();
    this.workspace = undefined;
    this.staging.dispose();
  }

  private db(): WorkspaceDb {
    if (this.workspace === undefined) throw new ApiFailure('no-workspace', 'no workspace is open; open or create one first');
    return this.workspace.db;
  }

  /** Runs a computation in the compute worker, cancellable and reporting progress under its requestId. */
  private async computeTracked<K extends ComputeTask['kind']>(requestId: string | undefined, task: Extract<ComputeTask, { kind: K }>): Promise<ComputeResults[K]> {
    const controller = new AbortController();
    if (requestId !== undefined) {
      this.computations.get(requestId)?.abort();
      this.computations.set(requestId, controller);
    }
    try {
      return await this.compute.run(task, controller.signal, (phase, fraction) => {
        if (requestId !== undefined) this.emit({ type: 'compute.progress', requestId, phase, fraction });
      });
    } finally {
      if (requestId !== undefined && this.computations.get(requestId) === controller) this.computations.delete(requestId);
    }
  }

  /** The open workspace's file name without its extension: the default system name. */
  private workspaceFileName(): string {
    return this.workspace?.path.split(/[\\/]/).pop() ?? 'workspace.headroom';
  }

  private workspaceTitle(): string {
    return (this.workspace?.path.split(/[\\/]/).pop() ?? 'system').replace(/\.headroom$/, '');
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private createHandlers(): ApiHandlers {
    return {
      'app.info': () => ({ version: APP_VERSION, host: this.options.host, workspace: this.currentWorkspace() }),
      'workspace.current': () => this.currentWorkspace(),
      'workspace.open': ({ path }) => this.openWorkspace(path),
      'workspace.create': ({ path }) => {
        const target = path.endsWith('.headroom') ? path : `${path}.headroom`;
        if (existsSync(target)) throw new ApiFailure('bad-input', `${target} already exists; open it instead, or choose another name`);
        return this.openWorkspace(target, true);
      },
      'workspace.recent': () => this.settings.recent(),
      'series.list': () => listSeries(this.db()),
      'series.window': ({ names, fromMs, toMs, buckets }) => {
        const db = this.db();
        const all = listSeries(db);
        const chosen = all.filter((s) => names.includes(s.name));
        const missing = names.filter((n) => !chosen.some((s) => s.name === n));
        if (missing.length > 0) throw new ApiFailure('not-found', `no series named ${missing.map((m) => `'${m}'`).join(', ')}`);
        const from = fromMs ?? Math.min(...chosen.map((s) => s.startMs));
        let to = toMs ?? Math.max(...chosen.map((s) => s.endMs));
        if (to <= from) to = from + 1;
        return { fromMs: from, toMs: to, series: names.map((name) => readSeriesWindow(db, name, from, to, buckets)) };
      },
      'series.delete': ({ names }) => {
        const deleted = deleteSeries(this.db(), names);
        this.emit({ type: 'workspace.changed', workspace: this.currentWorkspace() });
        return { deleted };
      },
      'import.preview': ({ stagedId, options }) => {
        const staged = this.staging.resolve(stagedId);
        return previewImport(staged.path, staged.name, options ?? {});
      },
      'import.start': ({ files, options }) => {
        const workspace = this.workspace;
        if (workspace === undefined) throw new ApiFailure('no-workspace', 'open or create a workspace before importing');
        const staged = files.map((f) => this.staging.resolve(f.stagedId));
        const job = this.jobs.startImport({
          workspacePath: workspace.path,
          files: staged.map((s, i) => ({ path: s.path, name: s.name, options: files[i]?.options })),
          options: options ?? {},
          label: staged.length === 1 ? `Import ${staged[0]?.name ?? ''}` : `Import ${staged.length} files`,
          onEnd: () => {
            this.staging.release(staged.map((s) => s.id));
            this.emit({ type: 'workspace.changed', workspace: this.currentWorkspace() });
          },
        });
        return { jobId: job.id };
      },
      'import.history': () => listImports(this.db()),
      'job.status': ({ jobId }) => this.jobs.status(jobId),
      'job.cancel': ({ jobId }) => this.jobs.cancel(jobId),
      'job.list': () => this.jobs.list(),
      'loadTest.list': () => listLoadTests(this.db()),
      'catalog.list': () => listInstanceTypes(this.db()),
      'forecast.models': () => [{ name: 'auto' as const, description: MODEL_DESCRIPTIONS.auto }, ...MODEL_NAMES.map((name) => ({ name, description: MODEL_DESCRIPTIONS[name] }))],
      'forecast.run': async (input) => {
        const db = this.db();
        const points = readSeriesPoints(db, input.series);
        const saved = listScenarios(db);
        const scenarios: Scenario[] = [
          ...(input.scenarioNames ?? []).map((name) => {
            const found = saved.find((s) => s.name === name);
            if (found === undefined) throw new ApiFailure('not-found', `no saved scenario named '${name}'`);
            return found;
          }),
          ...(input.scenarios ?? []),
        ];
        const result = await this.computeTracked(input.requestId, {
          kind: 'forecast',
          times: points.times,
          values: points.values,
          options: {
            horizon: parseHorizon(input.horizon),
            unit: points.series.unit,
            scenarios,
            ...(input.model === undefined ? {} : { model: input.model }),
            ...(input.stepMs === undefined ? {} : { stepMs: input.stepMs }),
            ...(input.aggregation === undefined ? {} : { aggregation: input.aggregation }),
            ...(input.periods === undefined ? {} : { periods: input.periods }),
            ...(input.impute === undefined ? {} : { impute: input.impute }),
            ...(input.outliers === undefined ? {} : { outliers: input.outliers }),
            ...(input.fitFrom === undefined ? {} : { fitFrom: input.fitFrom }),
            ...(input.seed === undefined ? {} : { seed: input.seed }),
          },
        });
        return { ...result, series: points.series.name, unit: points.series.unit };
      },
      'workload.summary': async (input) => {
        const points = readSeriesPoints(this.db(), input.series, input.fromMs, input.toMs);
        if (points.times.length === 0) throw new ApiFailure('bad-input', `series '${input.series}' has no points in that range`);
        const kind = input.kind ?? (findUnit(points.series.unit)?.dimension === 'data' ? 'size' : 'load');
        return this.computeTracked(input.requestId, {
          kind: 'workload',
          times: points.times,
          values: points.values,
          options: { name: points.series.name, unit: points.series.unit, kind },
        });
      },
      'querymix.summary': async ({ requestId }) => {
        const intervals = readStatementActivity(this.db());
        if (intervals.length === 0) return null;
        return this.computeTracked(requestId, { kind: 'querymix', intervals, options: {} });
      },
      'compute.cancel': ({ requestId }) => {
        const controller = this.computations.get(requestId);
        controller?.abort();
        return { cancelled: controller !== undefined };
      },
      'scenario.list': () => listScenarios(this.db()),
      'scenario.save': (scenario) => {
        const db = this.db();
        saveScenario(db, scenario, new Date().toISOString());
        const saved = listScenarios(db).find((s) => s.name === scenario.name);
        if (saved === undefined) throw new ApiFailure('internal', `scenario '${scenario.name}' was not saved`);
        return saved;
      },
      'scenario.delete': ({ name }) => ({ deleted: deleteScenario(this.db(), name) }),
      'system.get': () => {
        const db = this.db();
        const { config, saved } = loadSystem(db, this.workspaceTitle());
        return { config, saved, instance: systemInstance(db, config) ?? null };
      },
      'system.save': (config) => {
        const db = this.db();
        if (config.instance !== null && systemInstance(db, config) === undefined) {
          throw new ApiFailure('bad-input', `instance ${config.instance.provider} ${config.instance.instanceClass} is not in this workspace's catalog`);
        }
        saveSystem(db, config, new Date().toISOString());
        this.emit({ type: 'workspace.changed', workspace: this.currentWorkspace() });
        return { config, saved: true, instance: systemInstance(db, config) ?? null };
      },
      'scalability.analyse': async (input) => {
        const db = this.db();
        const { config } = loadSystem(db, this.workspaceTitle());
        const instance = systemInstance(db, config);
        const tests = listLoadTests(db);
        const test = input.loadTest === undefined ? tests[0] : tests.find((t) => t.name === input.loadTest);
        if (input.loadTest !== undefined && test === undefined) throw new ApiFailure('not-found', `no load test named '${input.loadTest}'`);
        const throughputSeries = input.throughputSeries ?? defaultThroughputSeries(listSeries(db));
        const cpuResource = config.resources.find((r) => r.kind === 'cpu' && r.unit === '%');
        const load = (names: readonly string[]): ResourceLoad | undefined => (names.length > 0 && names.every((n) => findSeriesByName(db, n) !== undefined) ? sumSeries(names.map((n) => readSeriesPoints(db, n))) : undefined);
        const throughputLoad = load(throughputSeries);
        const cpuLoad = cpuResource === undefined ? undefined : load(cpuResource.series);
        const servers = instance?.vcpu ?? null;
        const analysis = await this.computeTracked(input.requestId, {
          kind: 'scalability',
          input: {
            loadTest: test === undefined ? undefined : { name: test.name, points: test.points.map((p) => ({ concurrency: p.concurrency, throughput: p.throughput })) },
            overrides: Object.fromEntries(Object.entries(input.overrides ?? {}).filter(([, v]) => v !== undefined)),
            fraction: input.fraction ?? 0.8,
            throughput: throughputLoad === undefined ? undefined : { series: throughputSeries, load: throughputLoad },
            cpu: cpuLoad === undefined || servers === null ? undefined : { load: cpuLoad, servers: Math.max(1, Math.round(servers)) },
            horizon: parseHorizon(config.horizon),
            queueHorizon: parseHorizon('6mo'),
            windowDays: config.windowDays,
          },
        });
        return { ...analysis, loadTests: tests.map((t) => t.name), throughputSeries, servers };
      },
      'catalog.save': ({ instances }) => {
        const db = this.db();
        const keys = new Set<string>();
        for (const i of instances) {
          const key = `${i.provider}|${i.instanceClass}`;
          if (keys.has(key)) throw new ApiFailure('bad-input', `${i.provider} ${i.instanceClass} appears twice; keep one row per instance`);
          keys.add(key);
        }
        saveInstanceTypes(db, instances);
        this.emit({ type: 'workspace.changed', workspace: this.currentWorkspace() });
        return listInstanceTypes(db);
      },
      'catalog.import': ({ text }) => {
        const read = catalogFromCsv(text);
        if (!read.ok) throw new ApiFailure('bad-input', `catalog CSV: ${read.error}`);
        const db = this.db();
        saveInstanceTypes(db, read.value);
        this.emit({ type: 'workspace.changed', workspace: this.currentWorkspace() });
        return listInstanceTypes(db);
      },
      'catalog.export': () => ({ csv: catalogToCsv(listInstanceTypes(this.db())) }),
      'decision.get': () => loadDecision(this.db()),
      'decision.save': (decision) => {
        const saved = { ...decision, decidedAt: new Date().toISOString() };
        saveDecision(this.db(), saved);
        return saved;
      },
      'dr.simulate': ({ plan, trials, seed, requestId }) => this.computeTracked(requestId, { kind: 'dr', plan, trials: trials ?? 100_000, seed: seed ?? 1 }),
      'dr.example': () => structuredClone(EXAMPLE_DR_PLAN) as Record<string, unknown>,
      'drPlan.get': () => loadDrPlan(this.db()),
      'drPlan.save': ({ plan }) => {
        try {
          const stored = saveDrPlan(this.db(), plan, new Date().toISOString());
          this.emit({ type: 'workspace.changed', workspace: this.currentWorkspace() });
          return stored;
        } catch (error) {
          if (error instanceof DrPlanError) throw new ApiFailure('bad-input', error.issues.join('\n'));
          throw error;
        }
      },
      'drPlan.inputs': ({ horizonMonths, requestId }) => this.computeTracked(requestId, { kind: 'dr-inputs', request: readDrInputsRequest(this.db(), this.workspaceTitle(), horizonMonths ?? 24, 1) }),
      'drPlan.presets': () => ({ vendors: DR_PRESETS, tiers: TIER_PRESETS }),
      'draft.get': ({ editor }) => loadDraft(this.db(), editor),
      'draft.save': ({ editor, value }) => saveDraft(this.db(), editor, value, new Date().toISOString()),
      'draft.discard': ({ editor }) => ({ discarded: discardDraft(this.db(), editor) }),
      'report.build': (request) => this.computeTracked(request.requestId, { kind: 'report', data: readReportData(this.db(), assembleOptionsOf(request, this.workspaceFileName())) }),
      'report.pdf': async (request) => {
        const model = await this.computeTracked(request.requestId, { kind: 'report', data: readReportData(this.db(), assembleOptionsOf(request, this.workspaceFileName())) });
        try {
          const bytes = await (this.options.printPdf ?? chromiumPdfPrinter)(renderReportHtml(model));
          return { base64: Buffer.from(bytes).toString('base64'), pages: countPdfPages(bytes), fileName: `${this.workspaceTitle()}-report-${model.meta.generatedAt.slice(0, 10)}.pdf` };
        } catch (error) {
          if (error instanceof PdfRendererMissing || error instanceof PdfRenderFailed) throw new ApiFailure('bad-input', error.message);
          throw error;
        }
      },
      'reportSettings.get': () => loadReportSettings(this.db()),
      'reportSettings.save': (settings) => saveReportSettings(this.db(), settings),
      'scale.compare': ({ horizon, confidence, pricing, scenarioNames, requestId }) => {
        const db = this.db();
        const saved = listScenarios(db);
        const scenarios = (scenarioNames ?? []).map((name) => {
          const found = saved.find((s) => s.name === name);
          if (found === undefined) throw new ApiFailure('not-found', `no saved scenario named '${name}'`);
          return found;
        });
        return this.computeTracked(requestId, { kind: 'scale', request: readScalingRequest(db, this.workspaceTitle(), { horizon, confidence, pricing, scenarios }) });
      },
      'runway.assess': ({ scenarioNames, requestId }) => {
        const db = this.db();
        const { config } = loadSystem(db, this.workspaceTitle());
        const saved = listScenarios(db);
        const scenarios = (scenarioNames ?? []).map((name) => {
          const found = saved.find((s) => s.name === name);
          if (found === undefined) throw new ApiFailure('not-found', `no saved scenario named '${name}'`);
          return found;
        });
        return this.computeTracked(requestId, { kind: 'runway', system: config, instance: systemInstance(db, config), loads: readResourceLoads(db, config), scenarios });
      },
    };
  }
}
