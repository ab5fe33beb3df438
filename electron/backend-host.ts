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

const service = new BackendService({ host: 'electron', importWorkerFile: join(__dirname, 'import-worker.cjs'), computeWorkerFile: join(__dirname, 'compute-worker.cjs') });
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
  } else if (message.type === 'shutdown') {
    void service.close().then(() => process.exit(0));
  }
});
