import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ImportOptions } from '../../shared/api/contract.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { JobState } from '../../shared/api/types.js';
import type { FileToImport } from '../import/import-files.js';
import type { FromImportWorker, ToImportWorker } from './import-job-messages.js';
import { runImportJob } from './run-import-job.js';

export interface ImportJobRequest {
  readonly workspacePath: string;
  readonly files: readonly FileToImport[];
  readonly options: ImportOptions;
  readonly label: string;
  /** Called once when the job ends, whatever the outcome. */
  readonly onEnd?: (job: JobState) => void;
}

/** A running job's control: how to cancel it. */
interface Control {
  cancel(): void;
}

/** Keeps finished jobs this long so a late `job.status` still answers. */
const FINISHED_JOBS_KEPT = 50;

/**
 * Runs import jobs one at a time (a workspace has one writer), each in a worker thread
 * when the built worker is given — inline otherwise (unit tests from source) —
 * and publishes every state change. Cancel is cooperative (the job rolls back);
 * a worker that does not stop within 5 s is terminated, and SQLite rolls back then too.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobState>();
  private readonly controls = new Map<string, Control>();
  private queue: Promise<void> = Promise.resolve();

  /**
   * @param publish receives every state change
   * @param workerFile the built worker (out/import-worker.mjs, out/electron/import-worker.cjs);
   *   when absent (unit tests run from source) jobs run inline on this thread
   */
  constructor(private readonly publish: (job: JobState) => void, private readonly workerFile?: string) {}

  get usesWorkerThreads(): boolean {
    return this.workerFile !== undefined && existsSync(this.workerFile);
  }

  startImport(request: ImportJobRequest): JobState {
    const id = randomBytes(8).toString('hex');
    const job: JobState = {
      id,
      kind: 'import',
      status: 'running',
      label: request.label,
      phase: 'waiting for the workspace',
      fraction: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.update(job);
    let cancelledEarly = false;
    this.controls.set(id, { cancel: () => (cancelledEarly = true) });
    this.queue = this.queue.then(() => (cancelledEarly ? this.finishCancelled(id) : this.run(id, request)));
    return job;
  }

  status(id: string): JobState {
    const job = this.jobs.get(id);
    if (job === undefined) throw new ApiFailure('not-found', `no job ${id}`);
    return job;
  }

  list(): JobState[] {
    return [...this.jobs.values()].reverse();
  }

  cancel(id: string): JobState {
    const job = this.status(id);
    this.controls.get(id)?.cancel();
    return job;
  }

  /** Resolves when every queued job has ended. */
  idle(): Promise<void> {
    return this.queue;
  }

  private finishCancelled(id: string): void {
    this.patch(id, { status: 'cancelled', phase: 'cancelled', finishedAt: new Date().toISOString(), error: { code: 'cancelled', message: 'cancelled before it started' } });
  }

  private run(id: string, request: ImportJobRequest): Promise<void> {
    return new Promise((resolve) => {
      const start: Extract<ToImportWorker, { type: 'start' }> = { type: 'start', workspacePath: request.workspacePath, files: request.files, options: request.options };
      let ended = false;
      const onMessage = (message: FromImportWorker): void => {
        if (ended) return;
        if (message.type === 'progress') {
          this.patch(id, { phase: message.phase, fraction: message.fraction });
          return;
        }
        ended = true;
        const finishedAt = new Date().toISOString();
        if (message.type === 'done') this.patch(id, { status: 'done', phase: 'done', fraction: 1, finishedAt, result: message.result });
        else this.patch(id, { status: message.error.code === 'cancelled' ? 'cancelled' : 'failed', phase: message.error.code, finishedAt, error: message.error });
        this.controls.delete(id);
        const final = this.jobs.get(id);
        if (final !== undefined) request.onEnd?.(final);
        resolve();
      };
      this.patch(id, { phase: 'starting', fraction: 0 });
      if (this.usesWorkerThreads) {
        const worker = new Worker(this.workerFile ?? '');
        let killTimer: NodeJS.Timeout | undefined;
        worker.on('message', onMessage);
        worker.on('error', (error) => onMessage({ type: 'failed', error: { code: 'internal', message: `the import worker failed: ${error.message}` } }));
        worker.on('exit', (code) => {
          if (killTimer !== undefined) clearTimeout(killTimer);
          onMessage({ type: 'failed', error: { code: 'cancelled', message: `the import stopped (worker exit ${code}); the workspace is unchanged` } });
        });
        this.controls.set(id, {
          cancel: () => {
            worker.postMessage({ type: 'cancel' } satisfies ToImportWorker);
            killTimer = setTimeout(() => void worker.terminate(), 5000);
          },
        });
        worker.postMessage(start);
      } else {
        const controller = new AbortController();
        this.controls.set(id, { cancel: () => controller.abort() });
        void runImportJob(start, onMessage, controller.signal);
      }
    });
  }

  private patch(id: string, change: Partial<JobState>): void {
    const job = this.jobs.get(id);
    if (job !== undefined) this.update({ ...job, ...change });
  }

  private update(job: JobState): void {
    this.jobs.set(job.id, job);
    if (this.jobs.size > FINISHED_JOBS_KEPT) {
      for (const [key, old] of this.jobs) {
        if (this.jobs.size <= FINISHED_JOBS_KEPT) break;
        if (old.status !== 'running') this.jobs.delete(key);
      }
    }
    this.publish(job);
  }
}
