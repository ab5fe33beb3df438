import { API_METHOD_NAMES } from '../shared/api/methods.js';
import { apiChannel, CREATE_WORKSPACE_CHANNEL, EVENT_CHANNEL, PICK_IMPORT_FILES_CHANNEL, PICK_WORKSPACE_CHANNEL } from './ipc-channels.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
}

/**
 * What the preload exposes to the UI as `window.headroom`: exactly one function per
 * contract method, three dialogs, and an event subscription — never ipcRenderer
 * itself (Electron security checklist §20). Its shape is pinned by a snapshot test,
 * so every new privilege shows up in review.
 */
export function buildPreloadApi(ipc: IpcRendererLike): Record<string, unknown> {
  const methods: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHOD_NAMES) methods[method] = (input?: unknown) => ipc.invoke(apiChannel(method), input ?? {});
  return {
    methods,
    pickImportFiles: () => ipc.invoke(PICK_IMPORT_FILES_CHANNEL),
    pickWorkspace: () => ipc.invoke(PICK_WORKSPACE_CHANNEL),
    createWorkspace: () => ipc.invoke(CREATE_WORKSPACE_CHANNEL),
    onEvent: (callback: (event: unknown) => void) => {
      const listener = (_event: unknown, payload: unknown): void => callback(payload);
      ipc.on(EVENT_CHANNEL, listener);
      return () => ipc.removeListener(EVENT_CHANNEL, listener);
    },
  };
}
