import { ImportFormatError, type ImportFileSummary, type ImportSink, type StatementSample, type StreamingParser } from '../import-types.js';
import { ImportTally } from '../import-tally.js';
import { DelimitedTextReader } from '../csv/delimited-text-reader.js';
import { parseCellNumber } from '../parse-cell-number.js';
import { inferTimeFormat, type TimeFormat } from '../csv/time-column.js';
import { EPOCH_FACTORS_TO_MS, parseIsoTime } from '../../time/parse-timestamp.js';
import { WallClockConverter } from '../../time/zone-offset.js';
import { mapStatementColumns, type StatementColumns } from './statement-columns.js';

/**
 * Reads snapshots of pg_stat_statements (`psql --csv`) or of MySQL's
 * events_statements_summary_by_digest as CSV: one row per statement per snapshot, with a
 * snapshot time column. The counters stay cumulative here; the workspace differences them
 * between snapshots (see querymix/statement-intervals.ts). The statement id is kept as
 * text: pg_stat_statements' queryid is a signed 64-bit integer, which a JS number would round.
 */
export class StatementSnapshotParser implements StreamingParser {
  private readonly reader: DelimitedTextReader;
  private readonly tally = new ImportTally();
  private columns: StatementColumns | undefined;
  private headerLine = 1;
  private timeFormat: TimeFormat | undefined;
  private readonly zone: WallClockConverter | undefined;
  private readonly snapshots = new Set<number>();
  private readonly statements = new Set<string>();

  constructor(
    private readonly engine: 'postgres' | 'mysql',
    private readonly sink: ImportSink,
    options: { readonly timeZone?: string | undefined; readonly delimiter?: string | undefined },
  ) {
    this.reader = new DelimitedTextReader((fields, line) => this.onRecord(fields, line), { delimiter: options.delimiter });
    this.zone = options.timeZone !== undefined && options.timeZone.toUpperCase() !== 'UTC' ? new WallClockConverter(options.timeZone) : undefined;
    if (sink.statementSample === undefined) throw new ImportFormatError(1, 'this destination keeps no statement statistics');
  }

  push(text: string): void {
    this.reader.push(text);
  }

  end(): ImportFileSummary {
    this.reader.end();
    if (this.columns === undefined) throw new ImportFormatError(1, 'the file is empty: expected a header row of pg_stat_statements or digest columns');
    this.tally.note(`${this.statements.size} statements in ${this.snapshots.size} snapshot${this.snapshots.size === 1 ? '' : 's'}; ${this.columns.versionNote}`);
    if (this.snapshots.size === 1) this.tally.note('only one snapshot: activity per interval needs at least two (import later snapshots too)');
    return this.tally.summary(this.engine === 'postgres' ? 'pg-stat-statements' : 'mysql-digest', this.headerLine, 'the header was found but no statement rows follow it');
  }

  private onRecord(fields: string[], line: number): void {
    if (this.columns === undefined) {
      const mapped = mapStatementColumns(this.engine, fields);
      if (typeof mapped === 'string') throw new ImportFormatError(line, mapped);
      this.columns = mapped;
      this.headerLine = line;
      return;
    }
    const c = this.columns;
    this.tally.rowsRead++;
    const cell = (index: number): string | undefined => (index < 0 ? undefined : fields[index]);
    const timeMs = this.parseTime(cell(c.time) ?? '');
    if (timeMs === undefined) {
      this.tally.rejectRow(line, `snapshot time '${clip(cell(c.time) ?? '')}' is not an ISO-8601 time or epoch number`);
      return;
    }
    const queryId = (cell(c.queryId) ?? '').trim();
    if (queryId === '' && this.engine === 'postgres') {
      // Rows of other users' statements show no queryid to a role without pg_read_all_stats.
      this.tally.rejectRow(line, 'no queryid (the exporting role may lack pg_read_all_stats)');
      return;
    }
    const number = (index: number, name: string): number | undefined => {
      const value = parseCellNumber(cell(index) ?? '', false);
      if (value === null || value === undefined) {
        this.tally.rejectRow(line, `column '${name}': '${clip(cell(index) ?? '')}' is not a number`);
        return undefined;
      }
      return value;
    };
    const calls = number(c.calls, this.engine === 'postgres' ? 'calls' : 'COUNT_STAR');
    if (calls === undefined) return;
    const totalTime = number(c.totalTime, this.engine === 'postgres' ? 'total time' : 'SUM_TIMER_WAIT');
    if (totalTime === undefined) return;
    let rows = 0;
    for (const index of c.rows) {
      const value = number(index, 'rows');
      if (value === undefined) return;
      rows += value;
    }
    const optional = (index: number): number | undefined => {
      const value = parseCellNumber(cell(index) ?? '', false);
      return value === null || value === undefined ? undefined : value;
    };
    const database = cell(c.database)?.trim() || undefined;
    const user = cell(c.user)?.trim() || undefined;
    const toplevel = cell(c.toplevel)?.trim() ?? '';
    // MySQL keeps statements beyond the table's size in one row with a NULL digest.
    const id = queryId === '' ? '(overflow)' : queryId;
    const fingerprint = this.engine === 'postgres' ? `${user ?? ''}|${database ?? ''}|${toplevel}|${id}` : `${database ?? ''}|${id}`;
    const sample: StatementSample = {
      engine: this.engine,
      fingerprint,
      queryId: queryId === '' ? undefined : queryId,
      query: cell(c.query) ?? '',
      database,
      user,
      timeMs,
      calls,
      totalTimeMs: totalTime * c.totalTimeToMs,
      rows,
      sharedBlocksHit: optional(c.sharedBlocksHit),
      sharedBlocksRead: optional(c.sharedBlocksRead),
    };
    this.sink.statementSample?.(sample);
    this.snapshots.add(timeMs);
    this.statements.add(fingerprint);
    this.tally.pointsRead++;
  }

  private parseTime(text: string): number | undefined {
    const trimmed = text.trim();
    this.timeFormat ??= inferTimeFormat([trimmed]);
    if (this.timeFormat === undefined || this.timeFormat === 'iso') {
      // psql prints timestamptz as `2026-11-01 10:00:00.123456+00`.
      const parsed = parseIsoTime(trimmed);
      if (parsed === undefined) return undefined;
      if (parsed.offsetMs !== undefined) return parsed.wallClockMs - parsed.offsetMs;
      if (this.zone === undefined) this.tally.note('snapshot times without a zone read as UTC (set --timezone otherwise)');
      return this.zone === undefined ? parsed.wallClockMs : this.zone.toUtc(parsed.wallClockMs);
    }
    const value = Number(trimmed);
    return Number.isFinite(value) ? Math.round(value * EPOCH_FACTORS_TO_MS[this.timeFormat]) : undefined;
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
