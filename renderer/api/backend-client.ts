import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract.js';
import type { ApiError } from '../../shared/api/result.js';
import type { ApiEvent, WorkspaceInfo } from '../../shared/api/types.js';

/** A file ready to import, staged by the host (uploaded, or picked in a system dialog). */
export interface StagedImportFile {
  readonly stagedId: string;
  readonly name: string;
  readonly sizeBytes: number;
}

/** A failed call, carrying the contract's error so screens can show what and why. */
export class BackendError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'BackendError';
  }
}

/**
 * What the UI needs from its host. Two implementations: loopback HTTP (browser mode)
 * and the Electron preload bridge. Screens use only this.
 */
export interface BackendClient {
  readonly kind: 'browser' | 'electron';
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** Stages files the user dropped or chose in the page (browser mode uploads them). */
  stageFiles(files: readonly File[]): Promise<StagedImportFile[]>;
  /** Lets the user choose files in the host's own dialog; undefined when the page must use <input type=file>. */
  readonly pickImportFiles: (() => Promise<StagedImportFile[]>) | undefined;
  /** Host dialogs to open/create a workspace; undefined in browser mode (the UI asks for a path). */
  readonly pickWorkspace: (() => Promise<WorkspaceInfo | null>) | undefined;
  readonly createWorkspaceWithDialog: (() => Promise<WorkspaceInfo | null>) | undefined;
}
