import { ImportFormatError, type ImportFileSummary, type ImportSink, type SeriesDeclaration, type StreamingParser } from '../../shared/import/import-types.js';

/**
 * An ImportSink that keeps everything in memory: the real object importers talk to in
 * tests (no mocking library), shared by the CloudWatch, Azure Monitor and Cloud Monitoring
 * test suites.
 * @example
 * const sink = new MemoryImportSink();
 * const h = sink.declareSeries({ name: 'cpu', unit: '%', labels: {}, origin: 'test' });
 * sink.addPoint(h, 0, 1);
 * sink.pointsOf('cpu'); // [[0, 1]]
 */
export class MemoryImportSink implements ImportSink {
  readonly series: SeriesDeclaration[] = [];
  readonly points: [number, number][][] = [];

  declareSeries(declaration: SeriesDeclaration): number {
    this.series.push(declaration);
    this.points.push([]);
    return this.series.length - 1;
  }

  addPoint(series: number, timeMs: number, value: number): void {
    this.points[series]?.push([timeMs, value]);
  }

  names(): string[] {
    return this.series.map((s) => s.name);
  }

  /** @throws {RangeError} when no series has that name (a failed test, naming what exists) */
  declarationOf(name: string): SeriesDeclaration {
    const declaration = this.series.find((s) => s.name === name);
    if (declaration === undefined) throw new RangeError(`no series ${name}; have ${this.names().join(', ')}`);
    return declaration;
  }

  /** The series' points in the order they were added. @throws {RangeError} when there is no such series */
  pointsOf(name: string): [number, number][] {
    this.declarationOf(name);
    return this.points[this.series.findIndex((s) => s.name === name)] ?? [];
  }

  /** The series' points sorted by time, as the workspace stores them. */
  sortedPointsOf(name: string): [number, number][] {
    return [...this.pointsOf(name)].sort((a, b) => a[0] - b[0]);
  }
}

/** What importing one text gave. */
export interface ImportResult {
  readonly sink: MemoryImportSink;
  readonly summary: ImportFileSummary;
}

/**
 * Imports `text` through a new parser, pushed in chunks whose sizes cycle through
 * `chunkSizes` (the whole text at once when empty).
 * @throws whatever the parser throws
 * @example importText((sink) => new CloudWatchParser(sink), text, [1, 7, 300])
 */
export function importText(create: (sink: ImportSink) => StreamingParser, text: string, chunkSizes: readonly number[] = []): ImportResult {
  const sink = new MemoryImportSink();
  const parser = create(sink);
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const size = chunkSizes.length === 0 ? text.length : Math.max(1, chunkSizes[i % chunkSizes.length] ?? 1);
    parser.push(text.slice(at, at + size));
    at += size;
  }
  return { sink, summary: parser.end() };
}

/**
 * The ImportFormatError a text is refused with.
 * @throws {Error} when the text is imported, or refused with another kind of error
 */
export function importRefusal(create: (sink: ImportSink) => StreamingParser, text: string, chunkSizes: readonly number[] = []): ImportFormatError {
  try {
    importText(create, text, chunkSizes);
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error(`expected the text to be refused: ${text.slice(0, 80)}`);
}

/**
 * What every importer promises for any input: the text is imported — with consistent counts,
 * finite values at whole-ms times, one declaration per series name — or refused with an
 * ImportFormatError. Returns what broke the promise (an unexpected error, or an Error naming
 * the broken invariant), or undefined.
 */
export function unexpectedError(create: (sink: ImportSink) => StreamingParser, text: string, chunkSizes: readonly number[] = []): unknown {
  let result: ImportResult;
  try {
    result = importText(create, text, chunkSizes);
  } catch (error) {
    return error instanceof ImportFormatError ? undefined : error;
  }
  const { sink, summary } = result;
  const counts = [summary.rowsRead, summary.rowsRejected, summary.cellsRejected, summary.cellsMissing, summary.pointsRead];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) return new Error(`bad counts ${JSON.stringify(summary)}`);
  if (summary.rowsRejected > summary.rowsRead) return new Error(`more rows rejected than read: ${JSON.stringify(summary)}`);
  const points = sink.points.flat();
  if (points.length !== summary.pointsRead) return new Error(`pointsRead ${summary.pointsRead} but ${points.length} points added`);
  const bad = points.find(([t, v]) => !Number.isInteger(t) || Math.abs(t) > 8.64e15 || !Number.isFinite(v));
  if (bad !== undefined) return new Error(`bad point ${JSON.stringify(bad)}`);
  if (new Set(sink.names()).size !== sink.series.length) return new Error(`a series was declared twice: ${sink.names().join(', ')}`);
  return undefined;
}
