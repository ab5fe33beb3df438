import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import { decodeChunk } from '../../backend/workspace/chunk-codec.js';
import { findSeriesByName, listSeries } from '../../backend/workspace/series-catalog.js';
import type { WorkspaceDb } from '../../backend/workspace/open-workspace.js';
import { InputError, UsageError } from '../cli-errors.js';
import { listOption, requiredString, stringOption, type Command } from '../command.js';
import { openForReading } from '../open-for-reading.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write series as CSV (series,timestamp,value,unit) or JSON, with ISO-8601 UTC timestamps.',
  usage: 'export --workspace <w> [--series <name>…] --format csv|json [--out <file>]',
  allowPositionals: false,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'the workspace to read' },
    series: { type: 'string', multiple: true, valueName: 'name', description: 'a series to export (repeatable; default: all)' },
    format: { type: 'string', valueName: 'csv|json', description: 'output format (default csv)' },
    out: { type: 'string', short: 'o', valueName: 'file', description: 'write to this file instead of standard output' },
  },
  details: 'The CSV can be imported again: `headroom import export.csv --workspace other.headroom`.',
  async run(parsed) {
    const format = stringOption(parsed, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not '${format}'`, 'export');
    const db = openForReading(requiredString(parsed, 'workspace', 'export'));
    try {
      const requested = listOption(parsed, 'series');
      const names = requested.length > 0 ? requested : listSeries(db).map((s) => s.name);
      for (const name of names) if (findSeriesByName(db, name) === undefined) throw new InputError(`no series named '${name}' in this workspace (list them with \`headroom series\`)`);
      const outPath = stringOption(parsed, 'out');
      const out: Writable = outPath === undefined ? process.stdout : createWriteStream(outPath);
      const writer = new BufferedWriter(out);
      if (format === 'csv') await writeCsv(db, names, writer);
      else await writeJson(db, names, writer);
      await writer.end(outPath !== undefined);
      return 0;
    } finally {
      db.close();
    }
  },
};

async function writeCsv(db: WorkspaceDb, names: readonly string[], out: BufferedWriter): Promise<void> {
  await out.write('series,timestamp,value,unit\n');
  for (const name of names) {
    const series = findSeriesByName(db, name);
    if (series === undefined) continue;
    const prefix = `${csvField(name)},`;
    const suffix = `,${csvField(series.unit)}\n`;
    for (const { times, values } of chunksOf(db, series.id)) {
      for (let i = 0; i < times.length; i++) {
        const full = out.write(prefix + formatIsoUtc(times[i] as number) + ',' + String(values[i]) + suffix);
        if (full !== undefined) await full;
      }
    }
  }
}

async function writeJson(db: WorkspaceDb, names: readonly string[], out: BufferedWriter): Promise<void> {
  await out.write('{"series":[');
  for (const [index, name] of names.entries()) {
    const series = findSeriesByName(db, name);
    if (series === undefined) continue;
    await out.write(`${index > 0 ? ',' : ''}\n{"name":${JSON.stringify(name)},"unit":${JSON.stringify(series.unit)},"points":[`);
    let first = true;
    for (const { times, values } of chunksOf(db, series.id)) {
      for (let i = 0; i < times.length; i++) {
        const full = out.write(`${first ? '' : ','}{"timestamp":"${formatIsoUtc(times[i] as number)}","value":${String(values[i])}}`);
        if (full !== undefined) await full;
        first = false;
      }
    }
    await out.write(']}');
  }
  await out.write('\n]}\n');
}

function* chunksOf(db: WorkspaceDb, seriesId: number): Generator<{ times: Float64Array; values: Float64Array }> {
  const rows = db
    .prepare<[number], { start_ms: number; n: number; step_ms: number | null; times: Buffer | null; vals: Buffer }>(
      'SELECT start_ms, n, step_ms, times, vals FROM chunk WHERE series_id = ? ORDER BY start_ms',
    )
    .iterate(seriesId);
  for (const row of rows) yield decodeChunk(row);
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Collects small strings into 64 KiB writes and waits for the stream when it is full. */
class BufferedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}

  write(text: string): Promise<void> | void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65_536) return this.flush();
  }

  private flush(): Promise<void> | void {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(text)) return new Promise((resolve) => this.out.once('drain', () => resolve()));
  }

  async end(close: boolean): Promise<void> {
    await this.flush();
    if (close) await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
