import { z } from 'zod';
import { parseHorizon } from '../time/parse-horizon.js';

/** A system's configuration as it crosses the contract and is stored (shared/capacity/system-config.ts). */
export const resourceConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a short key: lower-case letters, digits, - and _'),
    label: z.string().min(1).max(80),
    kind: z.enum(['cpu', 'memory', 'storage', 'iops', 'throughput', 'connections', 'other']),
    series: z.array(z.string().min(1).max(1024)).min(1).max(20),
    unit: z.string().max(32),
    capacity: z.number().positive().finite().nullable(),
    targetPct: z.number().gt(0).max(100),
    statistic: z.enum(['p95', 'p99', 'max', 'mean']),
    artificial: z.boolean(),
    note: z.string().max(500),
  })
  .strict();

export const systemConfigSchema = z
  .object({
    name: z.string().min(1).max(120),
    instance: z.object({ provider: z.string().min(1).max(120), instanceClass: z.string().min(1).max(120) }).strict().nullable(),
    allocatedStorageGiB: z.number().positive().finite().nullable(),
    windowDays: z.number().min(1).max(366),
    horizon: z
      .string()
      .max(16)
      .refine(
        (text) => {
          try {
            return parseHorizon(text).kind === 'duration';
          } catch {
            return false;
          }
        },
        { message: 'a duration such as 12mo, 24mo or 2y' },
      ),
    resources: z
      .array(resourceConfigSchema)
      .max(40)
      .refine((list) => new Set(list.map((r) => r.id)).size === list.length, { message: 'resource ids must be unique' }),
  })
  .strict();
