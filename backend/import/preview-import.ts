import { statSync } from 'node:fs';
import type { ImportOptions } from '../../shared/api/contract.js';
import type { ImportPreview } from '../../shared/api/types.js';
import { chooseFormat, IMPORT_FORMATS } from '../../shared/import/format-registry.js';
import { ImportFormatError, type ImportSink, type SeriesDeclaration, type StreamingParser } from '../../shared/import/import-types.js';
import { RecordTooLongError } from '../../shared/import/csv/delimited-text-reader.js';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import { readTextStream } from './read-import-stream.js';

/** How much of a file the preview reads. */
const PREVIEW_CHARS = 256 * 1024;
const FIRST_LINES = 15;

/** Counts what a parser finds, without keeping the points. */
class PreviewSink implements ImportSink {
  readonly series: { declaration: SeriesDeclaration; points: number; start: number; end: number }[] = [];
  statementCount = 0;
  declareSeries(declaration: SeriesDeclaration): number {
    this.series.push({ declaration, points: 0, start: Infinity, end: -Infinity });
    return this.series.length - 1;
  }
  addPoint(series: number, timeMs: number): void {
    const s = this.series[series];
    if (s === undefined) return;
    s.points++;
    if (timeMs < s.start) s.start = timeMs;
    if (timeMs > s.end) s.end = timeMs;
  }
  statementSample(): void {
    this.statementCount++;
  }
}

/**
 * What importing a file would give, from its first 256 KiB: the detected format (and how
 * well every format matches), its first lines, the series and points found, problems,
 * and for delimited files the column mapping — so the user can check and correct before
 * anything is written. Never writes to the workspace.
 */
export async function previewImport(path: string, name: string, options: ImportOptions): Promise<ImportPreview> {
  const sizeBytes = statSync(path).size;
  let head = '';
  let partial = false;
  const controller = new AbortController();
  const base = { file: name, sizeBytes, format: '', formatLabel: '', candidates: [], firstLines: [], series: [], rowsRead: 0, issues: [], notes: [], layout: null, partial: false };
  try {
    for await (const text of readTextStream(path, sizeBytes, () => undefined, controller.signal)) {
      head += text;
      if (head.length >= PREVIEW_CHARS) {
        partial = true;
        break;
      }
    }
  } catch (error) {
    if (error instanceof ImportFormatError) return { ...base, error: { line: error.line, reason: error.reason } };
    throw error;
  }
  if (partial) {
    // Whole lines only, so that the parser does not report a cut-off last row.
    const lastNewline = head.lastIndexOf('\n');
    if (lastNewline > 0) head = head.slice(0, lastNewline + 1);
  }
  const sniffHead = head.slice(0, 64 * 1024);
  const candidates = IMPORT_FORMATS.map((f) => ({ id: f.id, label: f.label, score: f.sniff(sniffHead, name) })).sort((a, b) => b.score - a.score);
  let format;
  try {
    format = chooseFormat(sniffHead, name, options.format);
  } catch (error) {
    return { ...base, candidates, error: { line: 1, reason: (error as Error).message } };
  }
  const firstLines = head.split(/\r?\n/, FIRST_LINES).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
  const sink = new PreviewSink();
  let parser: StreamingParser | undefined;
  let error: ImportPreview['error'] = null;
  let summary;
  try {
    parser = format.createParser(sink, options, name);
    parser.push(head);
    // A partial JSON document cannot end cleanly; its streamed elements were read already.
    const isJson = /^\s*[[{]/.test(head);
    if (!partial || !isJson) summary = parser.end();
  } catch (caught) {
    if (caught instanceof ImportFormatError) error = { line: caught.line, reason: caught.reason };
    else if (caught instanceof RecordTooLongError) error = { line: caught.line, reason: caught.message };
    else if (caught instanceof RangeError) error = { line: 1, reason: caught.message };
    else throw caught;
  }
  return {
    ...base,
    format: format.id,
    formatLabel: format.label,
    candidates,
    firstLines,
    series: sink.series
      .filter((s) => s.points > 0)
      .map((s) => ({ name: s.declaration.name, unit: s.declaration.unit, points: s.points, start: formatIsoUtc(s.start), end: formatIsoUtc(s.end) })),
    rowsRead: summary?.rowsRead ?? 0,
    issues: (summary?.issues ?? []).slice(0, 50),
    notes: [...(summary?.notes ?? []), ...(sink.statementCount > 0 ? [`${sink.statementCount} statement snapshots rows`] : [])],
    layout: parser?.describeLayout?.() ?? null,
    partial,
    error,
  };
}
