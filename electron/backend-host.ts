import { join } from 'node:path';
import { initialWorkspace, SAMPLE_WORKSPACE_FILE } from '../backend/sample-workspace.js';
import { BackendService } from '../backend/service/backend-service.js';
import type { HostToBackend, BackendToHost } from './backend-messages.js';

/**
 * The backend in Electron's utility process (never in the main process, which must
 * stay responsive): the same BackendService as browser mode, spoken to by messages.
 */
const port = process.parentPort;
if (port === undefined) throw new Error('backend-host must run in an Electron utility process');
const post = (message: BackendToHost): void => port.postMessage(message);

// Reports print with Electron's printToPDF, which only the main process can reach.
let nextPrintId = 1;
const printing = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
const printPdf = (html: string): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const id = nextPrintId++;
    printing.set(id, { resolve, reject });
    post({ type: 'print-pdf', id, html });
  });

const service = new BackendService({ host: 'electron', importWorkerFile: join(__dirname, 'import-worker.cjs'), computeWorkerFile: join(__dirname, 'compute-worker.cjs'), printPdf });
service.subscribe((event) => post({ type: 'event', event }));

try {
  const samples = process.env['HEADROOM_SAMPLES_DIR'] ?? '';
  const workspace = initialWorkspace(undefined, service.settings.lastWorkspace(), join(samples, SAMPLE_WORKSPACE_FILE), service.settings.dir);
  if (workspace !== undefined) service.openWorkspace(workspace);
} catch (error) {
  // The UI shows "no workspace" and offers to open or create one.
  console.error('headroom: could not open the start-up workspace:', error);
}

port.on('message', ({ data }) => {
  const message = data as HostToBackend;
  if (message.type === 'call') {
    void service.call(message.method, message.input).then((result) => post({ type: 'reply', id: message.id, result }));
  } else if (message.type === 'stage') {
    try {
      const staged = message.paths.map((path) => service.staging.stagePath(path));
      post({ type: 'reply', id: message.id, result: { ok: true, value: staged.map((s) => ({ stagedId: s.id, name: s.name, sizeBytes: s.sizeBytes })) } });
    } catch (error) {
      post({ type: 'reply', id: message.id, result: { ok: false, error: { code: 'bad-input', message: (error as Error).message } } });
    }
  } else if (message.type === 'pdf') {
    const waiting = printing.get(message.id);
    printing.delete(message.id);
    if (message.ok) waiting?.resolve(Buffer.from(message.base64, 'base64'));
    else waiting?.reject(new Error(`printing the report failed: ${message.error}`));
  } else if (message.type === 'shutdown') {
    void service.close().then(() => process.exit(0));
  }
});
