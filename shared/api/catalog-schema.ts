import { z } from 'zod';

const amount = z.number().finite().min(0);

/** One instance of the catalog as it crosses the contract (shared/api/types.ts InstanceType). */
export const instanceTypeSchema = z
  .object({
    provider: z.string().min(1).max(120),
    instanceClass: z.string().min(1).max(120),
    vcpu: z.number().finite().positive(),
    memoryGiB: z.number().finite().positive(),
    storageType: z.string().max(120),
    maxStorageGiB: amount,
    maxIops: amount,
    maxThroughputMiBps: amount,
    networkGbps: amount,
    maxConnections: amount,
    onDemandPerHour: amount,
    committedPerHour: amount,
    storagePerGiBMonth: amount,
    iopsPerMonth: amount,
    currency: z.string().min(1).max(8),
    priceNote: z.string().max(500),
    pricesAsOf: z.string().max(32),
  })
  .strict();

/** The decision taken in the budget review, kept for the report. */
export const scalingDecisionSchema = z
  .object({
    option: z.string().min(1).max(200),
    note: z.string().max(4000),
    decidedBy: z.string().max(200),
  })
  .strict();
