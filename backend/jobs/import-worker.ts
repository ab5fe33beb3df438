import { parentPort } from 'node:worker_threads';
import type { ToImportWorker } from './import-job-messages.js';
import { runImportJob } from './run-import-job.js';

/**
 * Worker-thread entry for import jobs, so that parsing and writing never run on the
 * thread that serves the UI (DESIGN.md §2: heavy work in a worker).
 */
const port = parentPort;
if (port === null) throw new Error('import-worker must run as a worker thread');
const controller = new AbortController();
port.on('message', (message: ToImportWorker) => {
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  void runImportJob(message, (reply) => port.postMessage(reply), controller.signal).then(() => port.close());
});
