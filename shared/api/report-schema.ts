import { z } from 'zod';
import { requestIdSchema } from './forecast-schema.js';

/** What the Report screen asks for: which sections, the scaling choices, the seed, title and sign-off. */
export const reportRequestSchema = z
  .object({
    sections: z.array(z.enum(['capacity', 'scaling', 'dr'])).min(1, 'choose at least one section').max(3),
    horizon: z.string().regex(/^\d+(mo|y)$/, 'a horizon in months or years, e.g. 24mo').nullable().optional(),
    confidence: z.enum(['p50', 'p90']).optional(),
    pricing: z.enum(['on-demand', 'committed']).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    title: z.string().max(200).optional(),
    signOff: z.object({ preparedBy: z.string().max(200), reviewedBy: z.string().max(200), decision: z.string().max(2000), date: z.string().max(40) }).strict().optional(),
    requestId: requestIdSchema.optional(),
  })
  .strict();

export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** The Report screen's choices, kept in the workspace so the next session starts where this one ended. */
export const reportSettingsSchema = reportRequestSchema.omit({ requestId: true });
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
