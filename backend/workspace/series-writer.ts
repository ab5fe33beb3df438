import type { ImportSink, SeriesDeclaration, StatementSample } from '../../shared/import/import-types.js';
import { StatementWriter } from './statement-store.js';
import { CHUNK_POINTS, encodeChunk } from './chunk-codec.js';
import { prepareChunkInsert } from './chunk-insert.js';
import type { WorkspaceDb } from './open-workspace.js';

/** What one file added to one series. */
export interface FileSeriesStats {
  readonly name: string;
  readonly unit: string;
  readonly points: number;
  readonly startMs: number;
  readonly endMs: number;
}

interface SeriesBuffer {
  readonly seriesId: number;
  readonly times: Float64Array;
  readonly values: Float64Array;
  length: number;
  sorted: boolean;
}

interface Handle {
  readonly name: string;
  readonly unit: string;
  readonly buffer: SeriesBuffer | undefined;
  /** Why this series' points are not imported (a unit conflict), if they are not. */
  readonly refusal: string | undefined;
  points: number;
  refused: number;
  startMs: number;
  endMs: number;
}

/**
 * The import sink that writes into a workspace: points are buffered per series and
 * written as chunks of {@link CHUNK_POINTS}; memory stays constant however large the
 * file. Chunks may overlap earlier data (re-imports, chunked exports, unsorted files);
 * `series-compaction` merges them before the import's transaction commits.
 * Must run inside the import's transaction.
 */
export class SeriesWriter {
  private readonly buffers = new Map<number, SeriesBuffer>();
  private readonly touched = new Set<number>();
  /** Statement snapshots (pg_stat_statements, MySQL digests) go to their own tables. */
  readonly statements: StatementWriter;
  private readonly insertChunk;
  private readonly findSeries;
  private readonly insertSeries;
  private readonly setUnit;
  private readonly markCounter;

  constructor(private readonly db: WorkspaceDb, private readonly now: string) {
    this.statements = new StatementWriter(db);
    this.insertChunk = prepareChunkInsert(db);
    this.findSeries = db.prepare<[string], { id: number; unit: string; kind: string }>('SELECT id, unit, kind FROM series WHERE name = ?');
    this.insertSeries = db.prepare('INSERT INTO series(name, unit, labels, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.setUnit = db.prepare('UPDATE series SET unit = ?, updated_at = ? WHERE id = ?');
    this.markCounter = db.prepare("UPDATE series SET kind = 'counter', updated_at = ? WHERE id = ?");
  }

  /** Series ids written to by this writer (to be compacted and re-measured). */
  touchedSeries(): ReadonlySet<number> {
    return this.touched;
  }

  /** A sink for one file, which also counts what the file contributed per series. */
  sinkForFile(): FileSink {
    return new FileSink(this);
  }

  /** @internal */
  open(declaration: SeriesDeclaration): Handle {
    const existing = this.findSeries.get(declaration.name);
    let seriesId: number;
    let unit = declaration.unit;
    if (existing === undefined) {
      seriesId = Number(
        this.insertSeries.run(declaration.name, declaration.unit, JSON.stringify(declaration.labels), declaration.kind ?? 'gauge', this.now, this.now).lastInsertRowid,
      );
    } else {
      seriesId = existing.id;
      if (existing.unit !== declaration.unit && declaration.unit !== '' && existing.unit !== '') {
        return {
          name: declaration.name,
          unit: existing.unit,
          buffer: undefined,
          refusal: `series '${declaration.name}' is already in the workspace in ${existing.unit}, but ${declaration.origin} says ${declaration.unit}; rename the column or map its unit with --unit`,
          points: 0,
          refused: 0,
          startMs: Infinity,
          endMs: -Infinity,
        };
      }
      if (existing.unit === '' && declaration.unit !== '') this.setUnit.run(declaration.unit, this.now, seriesId);
      else unit = existing.unit;
      if (declaration.kind === 'counter' && existing.kind === 'gauge') this.markCounter.run(this.now, seriesId);
    }
    let buffer = this.buffers.get(seriesId);
    if (buffer === undefined) {
      buffer = { seriesId, times: new Float64Array(CHUNK_POINTS), values: new Float64Array(CHUNK_POINTS), length: 0, sorted: true };
      this.buffers.set(seriesId, buffer);
    }
    this.touched.add(seriesId);
    return { name: declaration.name, unit, buffer, refusal: undefined, points: 0, refused: 0, startMs: Infinity, endMs: -Infinity };
  }

  /** @internal */
  append(buffer: SeriesBuffer, timeMs: number, value: number): void {
    const at = buffer.length;
    if (at > 0 && timeMs <= (buffer.times[at - 1] as number)) buffer.sorted = false;
    buffer.times[at] = timeMs;
    buffer.values[at] = value;
    buffer.length = at + 1;
    if (buffer.length === CHUNK_POINTS) this.flush(buffer);
  }

  /** Writes every buffered point; call before compaction. */
  flushAll(): void {
    for (const buffer of this.buffers.values()) this.flush(buffer);
  }

  private flush(buffer: SeriesBuffer): void {
    if (buffer.length === 0) return;
    let n = buffer.length;
    if (!buffer.sorted) n = sortAndDeduplicate(buffer.times, buffer.values, n);
    const chunk = encodeChunk(buffer.times, buffer.values, n);
    this.insertChunk(buffer.seriesId, chunk);
    buffer.length = 0;
    buffer.sorted = true;
  }
}

/** Counts one file's contribution while forwarding points to the writer. */
export class FileSink implements ImportSink {
  private readonly handles: Handle[] = [];
  /** Statement snapshots this file delivered. */
  statementSamples = 0;

  constructor(private readonly writer: SeriesWriter) {}

  declareSeries(declaration: SeriesDeclaration): number {
    this.handles.push(this.writer.open(declaration));
    return this.handles.length - 1;
  }

  statementSample(sample: StatementSample): void {
    this.writer.statements.add(sample);
    this.statementSamples++;
  }

  addPoint(series: number, timeMs: number, value: number): void {
    const handle = this.handles[series];
    if (handle === undefined) return;
    if (handle.buffer === undefined) {
      handle.refused++;
      return;
    }
    handle.points++;
    if (timeMs < handle.startMs) handle.startMs = timeMs;
    if (timeMs > handle.endMs) handle.endMs = timeMs;
    this.writer.append(handle.buffer, timeMs, value);
  }

  /** Per-series counts for the import report (series with no points left out). */
  stats(): FileSeriesStats[] {
    const byName = new Map<string, FileSeriesStats>();
    for (const h of this.handles) {
      if (h.points === 0) continue;
      const previous = byName.get(h.name);
      byName.set(h.name, {
        name: h.name,
        unit: h.unit,
        points: (previous?.points ?? 0) + h.points,
        startMs: Math.min(previous?.startMs ?? Infinity, h.startMs),
        endMs: Math.max(previous?.endMs ?? -Infinity, h.endMs),
      });
    }
    return [...byName.values()];
  }

  /** Series refused as a whole (unit conflicts), with how many points were left out. */
  refusals(): { reason: string; points: number }[] {
    return this.handles.filter((h) => h.refusal !== undefined && h.refused > 0).map((h) => ({ reason: h.refusal ?? '', points: h.refused }));
  }
}

/**
 * Sorts parallel arrays by time; for equal times keeps the value seen last (a later
 * line of the file wins). Returns the new length.
 */
export function sortAndDeduplicate(times: Float64Array, values: Float64Array, n: number): number {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Ties broken by position so that the later sample ends up last and wins below.
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  const sortedTimes = new Float64Array(n);
  const sortedValues = new Float64Array(n);
  let out = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const t = times[i] as number;
    if (out > 0 && sortedTimes[out - 1] === t) {
      sortedValues[out - 1] = values[i] as number;
      continue;
    }
    sortedTimes[out] = t;
    sortedValues[out] = values[i] as number;
    out++;
  }
  times.set(sortedTimes.subarray(0, out));
  values.set(sortedValues.subarray(0, out));
  return out;
}
