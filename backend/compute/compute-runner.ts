import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ApiFailure } from '../../shared/api/result.js';
import type { FromComputeWorker, ToComputeWorker } from './compute-messages.js';
import { runComputeTask, type ComputeResults, type ComputeTask } from './compute-tasks.js';

/** Progress of a running computation, for the UI's "fitting…" line. */
export type ComputeProgress = (phase: string, fraction: number) => void;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly onProgress: ComputeProgress;
}

/**
 * Runs computations in one long-lived worker thread, one at a time, in order. A
 * cancelled computation terminates the worker (pure computation holds nothing that
 * needs cleaning up) and the next task starts a fresh one. Without a built worker file
 * (unit tests from source) tasks run inline.
 */
export class ComputeRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly workerFile?: string) {}

  get usesWorkerThreads(): boolean {
    return this.workerFile !== undefined && existsSync(this.workerFile);
  }

  /**
   * Runs a task; rejects with ApiFailure('cancelled') when `signal` aborts first.
   * @example await runner.run({ kind: 'forecast', times, values, options }, signal)
   */
  run<K extends ComputeTask['kind']>(task: Extract<ComputeTask, { kind: K }>, signal?: AbortSignal, onProgress: ComputeProgress = () => undefined): Promise<ComputeResults[K]> {
    const result = this.queue.then(() => this.start(task, signal, onProgress)) as Promise<ComputeResults[K]>;
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the worker; pending computations fail as cancelled. */
  async close(): Promise<void> {
    this.failAll(new ApiFailure('cancelled', 'the backend is closing'));
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(task: ComputeTask, signal: AbortSignal | undefined, onProgress: ComputeProgress): Promise<unknown> {
    if (signal?.aborted === true) return Promise.reject(new ApiFailure('cancelled', 'cancelled before it started'));
    if (!this.usesWorkerThreads) {
      return new Promise((resolve) => resolve(runComputeTask(task, onProgress)));
    }
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.pending.delete(id);
        reject(new ApiFailure('cancelled', 'the computation was cancelled'));
        void worker.terminate();
        if (this.worker === worker) this.worker = undefined;
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (fn: (value: unknown) => void) => (value: unknown): void => {
        signal?.removeEventListener('abort', onAbort);
        // An idle worker must not keep the process alive (CLI, tests); a busy one must.
        if (this.pending.size === 0) worker.unref();
        fn(value);
      };
      worker.ref();
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject), onProgress });
      worker.postMessage({ id, task } satisfies ToComputeWorker);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.workerFile ?? '');
    worker.on('message', (message: FromComputeWorker) => {
      const pending = this.pending.get(message.id);
      if (pending === undefined) return;
      if (message.type === 'progress') {
        pending.onProgress(message.phase, message.fraction);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'done') pending.resolve(message.result);
      else pending.reject(new ApiFailure(message.error.code, message.error.message, message.error.details));
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.failAll(new ApiFailure('internal', `the compute worker failed: ${error.message}`));
    });
    worker.on('exit', () => {
      // A worker terminated by a cancel exits after its successor started: not its business.
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(new ApiFailure('cancelled', 'the compute worker stopped'));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: ApiFailure): void {
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
