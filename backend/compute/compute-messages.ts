import type { ApiError } from '../../shared/api/result.js';
import type { ComputeResult, ComputeTask } from './compute-tasks.js';

/** Main → compute worker: one task at a time. */
export interface ToComputeWorker {
  readonly id: number;
  readonly task: ComputeTask;
}

/** Compute worker → main. */
export type FromComputeWorker =
  | { readonly type: 'progress'; readonly id: number; readonly phase: string; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly result: ComputeResult }
  | { readonly type: 'failed'; readonly id: number; readonly error: ApiError };
