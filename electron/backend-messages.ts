import type { Result } from '../shared/api/result.js';
import type { ApiEvent } from '../shared/api/types.js';

/** Main process → backend utility process. */
export type HostToBackend =
  | { readonly type: 'call'; readonly id: number; readonly method: string; readonly input: unknown }
  | { readonly type: 'stage'; readonly id: number; readonly paths: readonly string[] }
  | { readonly type: 'pdf'; readonly id: number; readonly ok: boolean; readonly base64: string; readonly error: string }
  | { readonly type: 'shutdown' };

/** Backend utility process → main process. */
export type BackendToHost =
  | { readonly type: 'reply'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: ApiEvent }
  /** The backend asks the main process to print a report with Electron's printToPDF. */
  | { readonly type: 'print-pdf'; readonly id: number; readonly html: string };
