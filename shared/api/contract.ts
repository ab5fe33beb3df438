import { z } from 'zod';
import type {
  AppInfo,
  ImportPreview,
  ImportRecord,
  InstanceType,
  JobState,
  LoadTest,
  RecentWorkspace,
  SeriesSummary,
  WindowResult,
  WorkspaceInfo,
} from './types.js';
import { TIME_FORMATS } from '../import/csv/time-column.js';
import { IMPORT_FORMAT_IDS } from '../import/format-ids.js';
import { API_METHOD_NAMES, type ApiMethodName } from './methods.js';
import { forecastRunInputSchema, requestIdSchema, workloadSummaryInputSchema } from './forecast-schema.js';
import { scenarioSchema } from './scenario-schema.js';
import { reportRequestSchema, reportSettingsSchema, type ReportSettings } from './report-schema.js';
import type { ReportModel } from '../report/report-types.js';
import { systemConfigSchema } from './system-schema.js';
import { instanceTypeSchema, scalingDecisionSchema } from './catalog-schema.js';
import type { ScalingDecision } from './types.js';
import type { SystemConfig } from '../capacity/system-config.js';
import type { RunwayAssessment } from '../capacity/assess-runway.js';
import type { ScalabilityAnalysis } from '../capacity/scalability.js';
import type { ScalingAnalysis } from '../capacity/scaling/analyse-scaling.js';
import type { DrSimulationResult } from '../dr/simulate-dr.js';
import type { DrPreset } from '../dr/presets.js';
import type { TierPreset } from '../dr/tier-presets.js';
import type { DrWorkspaceInputs } from '../dr/workspace-inputs.js';
import type { ForecastRunResult } from '../forecast/forecast-run.js';
import type { ModelChoiceName } from '../forecast/model-catalog.js';
import type { QueryMixAnalysis } from '../workload/query-mix.js';
import type { WorkloadSummary } from '../workload/workload-summary.js';
import type { StoredScenario } from './types.js';

/**
 * The API contract: every call the UI (or any host) can make, by `area.verb` name,
 * with the schema its input is validated against at the boundary and the type of its
 * value. Transports (Electron IPC, loopback HTTP) and the preload are generated from
 * this one map, so adding an entry here is the only way to add a privilege.
 */

const empty = z.object({}).strict();
const workspacePath = z.string().min(1).max(4096);
const seriesName = z.string().min(1).max(1024);

export const importOptionsSchema = z
  .object({
    format: z.enum(['auto', ...IMPORT_FORMAT_IDS]).optional(),
    timeColumn: z.string().min(1).max(256).optional(),
    timeFormat: z.enum(['auto', ...TIME_FORMATS]).optional(),
    timeZone: z.string().min(1).max(64).optional(),
    units: z.record(z.string().max(1024), z.string().max(32)).optional(),
    /** Counters: keep only the raw cumulative series (default), or also write their per-second rates. */
    counters: z.enum(['keep', 'rate']).optional(),
    delimiter: z.string().length(1).optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptionsSchema>;

const stagedIdSchema = z.string().regex(/^[a-f0-9]{32}$/);

export const inputSchemas = {
  'app.info': empty,
  'workspace.current': empty,
  'workspace.open': z.object({ path: workspacePath }).strict(),
  'workspace.create': z.object({ path: workspacePath }).strict(),
  'workspace.recent': empty,
  'series.list': empty,
  'series.window': z
    .object({
      names: z.array(seriesName).min(1).max(32),
      fromMs: z.number().finite().optional(),
      toMs: z.number().finite().optional(),
      buckets: z.number().int().min(1).max(8192),
    })
    .strict(),
  'series.delete': z.object({ names: z.array(seriesName).min(1).max(10_000) }).strict(),
  'import.preview': z.object({ stagedId: stagedIdSchema, options: importOptionsSchema.optional() }).strict(),
  'import.start': z
    .object({
      /** Options per file (from the mapping step) override the shared `options`. */
      files: z.array(z.object({ stagedId: stagedIdSchema, options: importOptionsSchema.optional() }).strict()).min(1).max(100),
      options: importOptionsSchema.optional(),
    })
    .strict(),
  'import.history': empty,
  'job.status': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'job.cancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'job.list': empty,
  'loadTest.list': empty,
  'catalog.list': empty,
  'forecast.run': forecastRunInputSchema,
  'forecast.models': empty,
  'workload.summary': workloadSummaryInputSchema,
  'querymix.summary': z.object({ requestId: requestIdSchema.optional() }).strict(),
  'compute.cancel': z.object({ requestId: requestIdSchema }).strict(),
  'scenario.list': empty,
  'scenario.save': scenarioSchema,
  'scenario.delete': z.object({ name: z.string().min(1).max(120) }).strict(),
  'system.get': empty,
  'system.save': systemConfigSchema,
  'scalability.analyse': z
    .object({
      /** A load test by name; default the first. */
      loadTest: z.string().min(1).max(200).optional(),
      /** What-if coefficients replacing the fitted ones. */
      overrides: z.object({ sigma: z.number().min(0).max(1).optional(), kappa: z.number().min(0).max(1).optional(), lambda: z.number().positive().finite().optional() }).strict().optional(),
      /** Share of the USL's maximum throughput treated as the limit; default 0.8. */
      fraction: z.number().min(0.05).max(1).optional(),
      /** Series whose sum is production throughput; default read + write queries per second. */
      throughputSeries: z.array(z.string().min(1).max(1024)).min(1).max(10).optional(),
      requestId: requestIdSchema.optional(),
    })
    .strict(),
  'catalog.save': z.object({ instances: z.array(instanceTypeSchema).min(1).max(2000) }).strict(),
  'catalog.import': z.object({ text: z.string().min(1).max(2_000_000) }).strict(),
  'catalog.export': empty,
  'decision.get': empty,
  'decision.save': scalingDecisionSchema,
  /** The plan is validated by the DR engine itself (errors name the field path). */
  'dr.simulate': z
    .object({
      plan: z.record(z.string(), z.unknown()),
      trials: z.number().int().min(1000).max(10_000_000).optional(),
      seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
      requestId: requestIdSchema.optional(),
    })
    .strict(),
  'dr.example': empty,
  /** The workspace's DR plan (as written, durations as text). */
  'drPlan.get': empty,
  /** Validated before it is stored; errors name the field path. */
  'drPlan.save': z.object({ plan: z.record(z.string(), z.unknown()) }).strict(),
  /** Size forecast and replication lag measured from the workspace's series, for the plan editor. */
  'drPlan.inputs': z.object({ horizonMonths: z.number().int().min(1).max(120).optional(), requestId: requestIdSchema.optional() }).strict(),
  /** Vendor presets (plans reproducing published figures) and tier presets (targets). */
  'drPlan.presets': empty,
  /** Unsaved edits of an editor, kept in the workspace so a crash loses at most the last keystrokes. */
  'draft.get': z.object({ editor: z.enum(['dr-plan', 'system']) }).strict(),
  'draft.save': z.object({ editor: z.enum(['dr-plan', 'system']), value: z.unknown() }).strict().refine((d) => JSON.stringify(d.value ?? null).length <= 1_000_000, 'a draft is at most 1 MB of JSON'),
  'draft.discard': z.object({ editor: z.enum(['dr-plan', 'system']) }).strict(),
  /** The report's model, computed in the compute worker (the screen renders the HTML itself). */
  'report.build': reportRequestSchema,
  /** The same report printed to PDF (headless Chromium in browser mode; Electron's printToPDF on the desktop). */
  'report.pdf': reportRequestSchema,
  'reportSettings.get': empty,
  'reportSettings.save': reportSettingsSchema,
  'scale.compare': z
    .object({
      horizon: z.string().regex(/^\d+(mo|y)$/, 'a horizon in months or years, e.g. 24mo').optional(),
      confidence: z.enum(['p50', 'p90']).optional(),
      pricing: z.enum(['on-demand', 'committed']).optional(),
      scenarioNames: z.array(z.string().min(1).max(120)).max(20).optional(),
      requestId: requestIdSchema.optional(),
    })
    .strict(),
  'runway.assess': z.object({ scenarioNames: z.array(z.string().min(1).max(120)).max(20).optional(), requestId: requestIdSchema.optional() }).strict(),
} as const satisfies Record<ApiMethodName, z.ZodType>;

export interface ApiOutputs {
  'app.info': AppInfo;
  'workspace.current': WorkspaceInfo | null;
  'workspace.open': WorkspaceInfo;
  'workspace.create': WorkspaceInfo;
  'workspace.recent': RecentWorkspace[];
  'series.list': SeriesSummary[];
  'series.window': WindowResult;
  'series.delete': { deleted: number };
  'import.preview': ImportPreview;
  'import.start': { jobId: string };
  'import.history': ImportRecord[];
  'job.status': JobState;
  'job.cancel': JobState;
  'job.list': JobState[];
  'loadTest.list': LoadTest[];
  'catalog.list': InstanceType[];
  /** The forecast, with the series it is of. */
  'forecast.run': ForecastRunResult & { readonly series: string; readonly unit: string };
  'forecast.models': { readonly name: ModelChoiceName; readonly description: string }[];
  'workload.summary': WorkloadSummary;
  /** null when the workspace holds no statement statistics (pg_stat_statements, MySQL digests). */
  'querymix.summary': QueryMixAnalysis | null;
  'compute.cancel': { readonly cancelled: boolean };
  'scenario.list': StoredScenario[];
  'scenario.save': StoredScenario;
  'scenario.delete': { readonly deleted: boolean };
  /** The system configuration (defaults derived from the series when none is saved) and its instance. */
  'system.get': { readonly config: SystemConfig; readonly saved: boolean; readonly instance: InstanceType | null };
  'system.save': { readonly config: SystemConfig; readonly saved: boolean; readonly instance: InstanceType | null };
  'runway.assess': RunwayAssessment;
  'scale.compare': ScalingAnalysis;
  'dr.simulate': DrSimulationResult;
  /** A complete, realistic plan covering every scenario kind (what `headroom dr --example` prints). */
  'dr.example': Record<string, unknown>;
  /** null when the workspace stores no plan. */
  'drPlan.get': { readonly plan: Record<string, unknown>; readonly savedAt: string } | null;
  'drPlan.save': { readonly plan: Record<string, unknown>; readonly savedAt: string };
  'drPlan.inputs': DrWorkspaceInputs;
  'drPlan.presets': { readonly vendors: readonly DrPreset[]; readonly tiers: readonly TierPreset[] };
  'draft.get': { readonly editor: 'dr-plan' | 'system'; readonly value: unknown; readonly savedAt: string } | null;
  'draft.save': { readonly editor: 'dr-plan' | 'system'; readonly value: unknown; readonly savedAt: string };
  'draft.discard': { readonly discarded: boolean };
  'report.build': ReportModel;
  /** The PDF, base64, with its page count and a file name to suggest. */
  'report.pdf': { readonly base64: string; readonly pages: number; readonly fileName: string };
  /** null when none are saved. */
  'reportSettings.get': ReportSettings | null;
  'reportSettings.save': ReportSettings;
  'catalog.save': InstanceType[];
  'catalog.import': InstanceType[];
  'catalog.export': { readonly csv: string };
  'decision.get': ScalingDecision | null;
  'decision.save': ScalingDecision;
  /** With the inputs it used: which load test, which throughput series, how many cores. */
  'scalability.analyse': ScalabilityAnalysis & { readonly loadTests: string[]; readonly throughputSeries: string[]; readonly servers: number | null };
}

export type ApiMethod = keyof typeof inputSchemas;
export type ApiInput<M extends ApiMethod> = z.infer<(typeof inputSchemas)[M]>;
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];

/** Compile-time check that schemas, outputs and the name list hold the same methods. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
const contractIsComplete: [SameKeys<typeof inputSchemas, ApiOutputs>, SameKeys<ApiOutputs, Record<ApiMethodName, unknown>>] = [true, true];
void contractIsComplete;

/** Every method name, in a stable order (used to build the preload and the HTTP routes). */
export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(inputSchemas, name);
}

/** Handlers implementing the contract; `signal` aborts when the caller goes away. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M> };
