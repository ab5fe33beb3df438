import { z } from 'zod';

const time = z.number().finite();

/** A scenario as it crosses the contract and is stored (validated at both ends). */
export const scenarioSchema = z
  .object({
    name: z.string().min(1).max(120),
    description: z.string().max(2000).optional(),
    changes: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('step'), atMs: time, percent: z.number().min(-99).max(10_000) }).strict(),
          z.object({ kind: z.literal('ramp'), fromMs: time, toMs: time, percent: z.number().min(-99).max(10_000) }).strict(),
          z.object({ kind: z.literal('one-off'), atMs: time, amount: z.number().finite() }).strict(),
          z.object({ kind: z.literal('growth'), multiplier: z.number().min(0).max(100) }).strict(),
        ]),
      )
      .min(1)
      .max(50),
  })
  .strict();
