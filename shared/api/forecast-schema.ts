import { z } from 'zod';
import { MODEL_NAMES } from '../forecast/model-catalog.js';
import { parseHorizon } from '../time/parse-horizon.js';
import { scenarioSchema } from './scenario-schema.js';

/** Client-chosen id of a computation, so that the UI can follow its progress and cancel it. */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const horizonText = z
  .string()
  .min(1)
  .max(32)
  .refine(
    (text) => {
      try {
        parseHorizon(text);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a horizon: give steps (12) or a duration such as 90d, 6w, 18mo, 2y' },
  );

/** `forecast.run`: one series of the open workspace, and how to forecast it. */
export const forecastRunInputSchema = z
  .object({
    series: z.string().min(1).max(1024),
    horizon: horizonText,
    model: z.enum(['auto', ...MODEL_NAMES]).optional(),
    /** A fixed step in ms (≥ 1 s); default automatic. */
    stepMs: z.number().int().min(1000).max(366 * 86_400_000).optional(),
    aggregation: z.enum(['mean', 'max', 'p95']).optional(),
    periods: z.array(z.number().int().min(2).max(100_000)).max(4).optional(),
    impute: z.enum(['linear', 'seasonal']).optional(),
    outliers: z.enum(['flag', 'exclude']).optional(),
    fitFrom: z.union([z.enum(['last-break', 'all']), z.number().finite()]).optional(),
    /** Saved scenarios to apply, by name. */
    scenarioNames: z.array(z.string().min(1).max(120)).max(20).optional(),
    /** Unsaved scenarios (the editor's preview). */
    scenarios: z.array(scenarioSchema).max(20).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    requestId: requestIdSchema.optional(),
  })
  .strict();
export type ForecastRunInput = z.infer<typeof forecastRunInputSchema>;

/** `workload.summary`: the workload analyses of one series. */
export const workloadSummaryInputSchema = z
  .object({
    series: z.string().min(1).max(1024),
    /** 'size' for storage and row counts (growth leads), 'load' for rates and utilisation; default from the unit. */
    kind: z.enum(['load', 'size']).optional(),
    fromMs: z.number().finite().optional(),
    toMs: z.number().finite().optional(),
    requestId: requestIdSchema.optional(),
  })
  .strict();
