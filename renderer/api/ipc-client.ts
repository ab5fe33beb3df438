import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { ApiEvent, WorkspaceInfo } from '../../shared/api/types.js';
import { BackendError, type BackendClient, type StagedImportFile } from './backend-client.js';

/** The shape electron/preload-surface.ts exposes as window.headroom. */
export interface PreloadBridge {
  readonly methods: Readonly<Record<string, (input?: unknown) => Promise<unknown>>>;
  pickImportFiles(): Promise<unknown>;
  pickWorkspace(): Promise<unknown>;
  createWorkspace(): Promise<unknown>;
  onEvent(callback: (event: unknown) => void): () => void;
}

function unwrap<T>(result: unknown): T {
  const typed = result as Result<T>;
  if (!typed.ok) throw new BackendError(typed.error);
  return typed.value;
}

/** Desktop mode: the contract over Electron IPC, through the preload's one-method-per-entry bridge. */
export function createIpcClient(bridge: PreloadBridge): BackendClient {
  return {
    kind: 'electron',
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const invoke = bridge.methods[method];
      if (invoke === undefined) throw new BackendError({ code: 'not-found', message: `the desktop bridge has no method ${method}` });
      return unwrap<ApiOutput<M>>(await invoke(input));
    },
    subscribe(listener) {
      return bridge.onEvent((event) => listener(event as ApiEvent));
    },
    stageFiles() {
      // Dropped files are staged through the dialog path in the desktop app.
      return Promise.reject(new BackendError({ code: 'bad-input', message: 'use Import… to choose files in the desktop app' }));
    },
    pickImportFiles: async () => unwrap<StagedImportFile[]>(await bridge.pickImportFiles()),
    pickWorkspace: async () => unwrap<WorkspaceInfo | null>(await bridge.pickWorkspace()),
    createWorkspaceWithDialog: async () => unwrap<WorkspaceInfo | null>(await bridge.createWorkspace()),
  };
}
