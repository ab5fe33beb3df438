import type { ImportedFile, ImportRecord } from '../../shared/api/types.js';
import type { WorkspaceDb } from './open-workspace.js';

/** Issues kept per file in the workspace (the report in the CLI/UI carries up to 1 000). */
const STORED_ISSUES = 200;

/** Records a file's import report, for provenance in later reports. */
export function recordImportedFile(db: WorkspaceDb, file: ImportedFile, at: string): void {
  db.prepare(
    `INSERT INTO import_file(imported_at, file_name, size_bytes, sha256, format, rows_read, rows_rejected, cells_rejected,
       cells_missing, statement_samples, points, series, issues, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
    file.file,
    file.sizeBytes,
    file.sha256,
    file.format,
    file.rowsRead,
    file.rowsRejected,
    file.cellsRejected,
    file.cellsMissing,
    file.statementSamples,
    file.series.reduce((sum, s) => sum + s.points, 0),
    JSON.stringify(file.series),
    JSON.stringify(file.rejected.slice(0, STORED_ISSUES)),
    JSON.stringify(file.notes),
  );
}

interface ImportRow {
  id: number;
  imported_at: string;
  file_name: string;
  size_bytes: number;
  sha256: string;
  format: string;
  rows_read: number;
  rows_rejected: number;
  cells_rejected: number;
  cells_missing: number;
  statement_samples: number;
  series: string;
  issues: string;
  notes: string;
}

/** Every recorded import, newest first. */
export function listImports(db: WorkspaceDb): ImportRecord[] {
  return db
    .prepare<[], ImportRow>('SELECT * FROM import_file ORDER BY id DESC')
    .all()
    .map((row) => ({
      id: row.id,
      importedAt: row.imported_at,
      file: row.file_name,
      format: row.format,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
      series: JSON.parse(row.series) as ImportRecord['series'],
      rejected: JSON.parse(row.issues) as ImportRecord['rejected'],
      rowsRead: row.rows_read,
      rowsRejected: row.rows_rejected,
      cellsRejected: row.cells_rejected,
      cellsMissing: row.cells_missing,
      statementSamples: row.statement_samples,
      notes: JSON.parse(row.notes) as string[],
    }));
}
