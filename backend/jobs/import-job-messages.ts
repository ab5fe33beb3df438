import type { ImportOptions } from '../../shared/api/contract.js';
import type { ApiError } from '../../shared/api/result.js';
import type { ImportResult } from '../../shared/api/types.js';
import type { FileToImport } from '../import/import-files.js';

/** Main → worker. */
export type ToImportWorker =
  | { readonly type: 'start'; readonly workspacePath: string; readonly files: readonly FileToImport[]; readonly options: ImportOptions }
  | { readonly type: 'cancel' };

/** Worker → main. */
export type FromImportWorker =
  | { readonly type: 'progress'; readonly phase: string; readonly fraction: number }
  | { readonly type: 'done'; readonly result: ImportResult }
  | { readonly type: 'failed'; readonly error: ApiError };
