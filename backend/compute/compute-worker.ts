import { parentPort } from 'node:worker_threads';
import { toApiError } from '../jobs/run-import-job.js';
import type { FromComputeWorker, ToComputeWorker } from './compute-messages.js';
import { runComputeTask } from './compute-tasks.js';

/**
 * Worker-thread entry for forecasts and workload analyses, so that a long fit never
 * blocks the thread that serves the UI (DESIGN.md §2). It stays alive between tasks (a
 * fresh worker per keystroke would cost its start-up each time); cancelling terminates it.
 */
const port = parentPort;
if (port === null) throw new Error('compute-worker must run as a worker thread');
port.on('message', (message: ToComputeWorker) => {
  const post = (reply: FromComputeWorker): void => port.postMessage(reply);
  try {
    const result = runComputeTask(message.task, (phase, fraction) => post({ type: 'progress', id: message.id, phase, fraction }));
    post({ type: 'done', id: message.id, result });
  } catch (error) {
    post({ type: 'failed', id: message.id, error: toApiError(error) });
  }
});
