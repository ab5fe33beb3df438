import { ApiFailure, type ApiError } from '../../shared/api/result.js';
import type { ToImportWorker, FromImportWorker } from './import-job-messages.js';
import { importFiles } from '../import/import-files.js';
import { openWorkspace } from '../workspace/open-workspace.js';

/**
 * The body of an import job, the same in a worker thread and inline: opens its own
 * connection (so the transaction is the job's alone), imports, reports, closes.
 */
export async function runImportJob(
  start: Extract<ToImportWorker, { type: 'start' }>,
  post: (message: FromImportWorker) => void,
  signal: AbortSignal,
): Promise<void> {
  let lastPost = 0;
  try {
    const db = openWorkspace(start.workspacePath);
    try {
      const result = await importFiles(
        db,
        start.files,
        start.options,
        (progress) => {
          const now = Date.now();
          if (now - lastPost < 100 && progress.fraction < 0.99) return; // ~10 updates a second is plenty for a progress bar
          lastPost = now;
          post({ type: 'progress', ...progress });
        },
        signal,
      );
      post({ type: 'done', result });
    } finally {
      db.close();
    }
  } catch (error) {
    post({ type: 'failed', error: toApiError(error) });
  }
}

/** Any thrown value as a contract error; SQLite's busy errors get their own code. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.toApiError();
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_BUSY|database is locked/i.test(message)) {
    return { code: 'busy', message: 'the workspace is busy with another write (another import or another program); try again when it finishes' };
  }
  return { code: 'internal', message: `unexpected error: ${message}` };
}
