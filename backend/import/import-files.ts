import { statSync } from 'node:fs';
import type { ImportOptions } from '../../shared/api/contract.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { ImportedFile, ImportResult, SeriesConflict } from '../../shared/api/types.js';
import { chooseFormat } from '../../shared/import/format-registry.js';
import { ImportFormatError, MAX_REPORTED_ISSUES, type ImportIssue } from '../../shared/import/import-types.js';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import type { WorkspaceDb } from '../workspace/open-workspace.js';
import { SeriesWriter } from '../workspace/series-writer.js';
import { compactSeries } from '../workspace/series-compaction.js';
import { refreshSeriesShape } from '../workspace/series-catalog.js';
import { recordImportedFile } from '../workspace/import-log.js';
import { writeRateSeries } from '../workspace/counter-rates.js';
import { writeQueryMixSeries } from '../workspace/statement-store.js';
import { readTextStream } from './read-import-stream.js';
import { RecordTooLongError } from '../../shared/import/csv/delimited-text-reader.js';

export interface FileToImport {
  /** Where to read it. */
  readonly path: string;
  /** The name shown in reports (the user's file name, not a staging path). */
  readonly name: string;
  /** This file's own options (from the import dialog's mapping step), instead of the shared ones. */
  readonly options?: ImportOptions | undefined;
}

export interface ImportProgress {
  readonly phase: string;
  /** 0–1. */
  readonly fraction: number;
}

/** Text read before the format is chosen. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Imports files into a workspace as one transaction: all of it lands, or — on any
 * unreadable file, on cancel, or when the process dies — none of it (SQLite's WAL
 * rolls an uncommitted transaction back on the next open). Files are streamed, so
 * memory does not grow with their size.
 * @throws {ApiFailure} `import-failed` naming `file:line: reason`, or `cancelled`
 */
export async function importFiles(
  db: WorkspaceDb,
  files: readonly FileToImport[],
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ImportResult> {
  const sizes = files.map((f) => {
    try {
      return statSync(f.path).size;
    } catch {
      throw new ApiFailure('import-failed', `${f.name}: cannot read the file (it does not exist or is not readable)`, { file: f.name });
    }
  });
  const totalBytes = Math.max(1, sizes.reduce((a, b) => a + b, 0));
  const now = new Date().toISOString();
  // A large import touches many pages: a 64 MiB page cache keeps them from being written
  // to the WAL again and again before the commit (statement samples insert out of key order).
  db.pragma('cache_size = -65536');
  db.exec('BEGIN IMMEDIATE');
  try {
    const writer = new SeriesWriter(db, now);
    const imported: ImportedFile[] = [];
    let doneBytes = 0;
    for (const [index, file] of files.entries()) {
      const size = sizes[index] ?? 0;
      const report = await importOneFile(file, size, writer, file.options ?? options, signal, (bytes) => {
        onProgress({ phase: `reading ${file.name}`, fraction: (0.9 * (doneBytes + bytes)) / totalBytes });
      });
      doneBytes += size;
      imported.push(report);
    }
    writer.flushAll();
    const touched = [...writer.touchedSeries()];
    const conflicts: SeriesConflict[] = [];
    const derived: string[] = [];
    for (const [i, seriesId] of touched.entries()) {
      signal.throwIfAborted();
      onProgress({ phase: 'merging with earlier data', fraction: 0.9 + (0.09 * i) / Math.max(1, touched.length) });
      const compaction = compactSeries(db, seriesId);
      refreshSeriesShape(db, seriesId, now);
      const series = db.prepare<[number], { name: string; kind: string }>('SELECT name, kind FROM series WHERE id = ?').get(seriesId);
      if (series === undefined) continue;
      if (compaction.example !== undefined) {
        const { timeMs, replaced, kept } = compaction.example;
        conflicts.push({ series: series.name, timestamps: compaction.conflicts, example: { time: formatIsoUtc(timeMs), replaced, kept } });
      }
      if (series.kind === 'counter' && options.counters === 'rate') {
        const rate = writeRateSeries(db, seriesId, now);
        if (rate !== undefined) derived.push(rate);
      }
    }
    if (writer.statements.written > 0) {
      onProgress({ phase: 'computing the query mix', fraction: 0.99 });
      derived.push(...writeQueryMixSeries(db, now));
    }
    for (const file of imported) recordImportedFile(db, file, now);
    signal.throwIfAborted();
    onProgress({ phase: 'saving', fraction: 0.99 });
    db.exec('COMMIT');
    return { files: imported, conflicts, derived };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (signal.aborted) throw new ApiFailure('cancelled', 'the import was cancelled; the workspace is unchanged');
    throw error;
  }
}

async function importOneFile(
  file: FileToImport,
  sizeBytes: number,
  writer: SeriesWriter,
  options: ImportOptions,
  signal: AbortSignal,
  onBytes: (bytes: number) => void,
): Promise<ImportedFile> {
  const sink = writer.sinkForFile();
  try {
    const stream = readTextStream(file.path, sizeBytes, onBytes, signal);
    let parser: ReturnType<ReturnType<typeof chooseFormat>['createParser']> | undefined;
    let formatId = 'csv';
    let head = '';
    let step = await stream.next();
    while (!step.done) {
      if (parser === undefined) {
        head += step.value;
        if (head.length >= SNIFF_CHARS) {
          const format = chooseFormat(head, file.name, options.format);
          formatId = format.id;
          parser = format.createParser(sink, options, file.name);
          parser.push(head);
        }
      } else {
        parser.push(step.value);
      }
      step = await stream.next();
    }
    if (parser === undefined) {
      const format = chooseFormat(head, file.name, options.format);
      formatId = format.id;
      parser = format.createParser(sink, options, file.name);
      parser.push(head);
    }
    const sha256 = step.value;
    const summary = parser.end();
    const refusals = sink.refusals();
    const series = sink.stats();
    if (series.length === 0 && sink.statementSamples === 0) {
      const reason = refusals[0]?.reason ?? summary.issues[0]?.reason ?? 'no values could be read';
      throw new ImportFormatError(summary.issues[0]?.line ?? 1, reason);
    }
    const issues: ImportIssue[] = [...summary.issues];
    for (const refusal of refusals) {
      if (issues.length < MAX_REPORTED_ISSUES) issues.push({ line: 1, reason: `${refusal.reason} (${refusal.points} points not imported)` });
    }
    return {
      file: file.name,
      format: formatId,
      sizeBytes,
      sha256,
      series: series.map((s) => ({ name: s.name, unit: s.unit, points: s.points, start: formatIsoUtc(s.startMs), end: formatIsoUtc(s.endMs) })),
      rejected: issues,
      rowsRead: summary.rowsRead,
      rowsRejected: summary.rowsRejected,
      cellsRejected: summary.cellsRejected,
      cellsMissing: summary.cellsMissing,
      statementSamples: sink.statementSamples,
      notes: summary.notes,
    };
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof ImportFormatError || error instanceof RecordTooLongError) {
      const reason = error instanceof ImportFormatError ? error.reason : error.message;
      throw new ApiFailure('import-failed', `${file.name}:${error.line}: ${reason}`, { file: file.name, line: error.line, reason });
    }
    if (error instanceof RangeError) {
      throw new ApiFailure('import-failed', `${file.name}: ${error.message}`, { file: file.name });
    }
    throw error;
  }
}
