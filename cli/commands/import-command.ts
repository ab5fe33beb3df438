import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importOptionsSchema, type ImportOptions } from '../../shared/api/contract.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { ImportResult } from '../../shared/api/types.js';
import { TIME_FORMATS } from '../../shared/import/csv/time-column.js';
import { IMPORT_FORMAT_IDS } from '../../shared/import/format-ids.js';
import { isKnownTimeZone } from '../../shared/time/zone-offset.js';
import { importFiles } from '../../backend/import/import-files.js';
import { openWorkspace } from '../../backend/workspace/open-workspace.js';
import { InputError, UsageError } from '../cli-errors.js';
import { listOption, requiredString, type Command, type ParsedCommand } from '../command.js';
import { createProgressLine } from '../progress-line.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import metric exports into a workspace (created when it does not exist). All files land in one transaction, or none do.',
  usage: 'import <file…> --workspace <w> [--format <id>] [--json]',
  allowPositionals: true,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'the workspace to import into (created if missing)' },
    format: { type: 'string', valueName: 'id', description: `file format: auto (default), ${IMPORT_FORMAT_IDS.join(', ')}` },
    delimiter: { type: 'string', valueName: 'char', description: 'field separator of delimited files (default: detected)' },
    counters: { type: 'string', valueName: 'keep|rate', description: 'counters: keep them (default), or also write their per-second rates' },
    'time-column': { type: 'string', valueName: 'name|n', description: 'the time column, by header name or 1-based number (default: detected)' },
    'time-format': { type: 'string', valueName: 'fmt', description: `how times are written: auto, ${TIME_FORMATS.join(', ')}` },
    timezone: { type: 'string', valueName: 'zone', description: 'IANA zone of times written without one, e.g. Europe/Berlin (default UTC)' },
    unit: { type: 'string', multiple: true, valueName: 'col=unit', description: 'unit of a column or series, e.g. --unit mem_used=GiB (repeatable)' },
    json: { type: 'boolean', description: 'print the import report as JSON' },
  },
  details: [
    'Formats are detected from content: Prometheus and Datadog query JSON, CloudWatch,',
    'Azure Monitor and Google Cloud Monitoring JSON, Grafana CSV, InfluxDB annotated CSV,',
    'sadf -d, pg_stat_statements and MySQL digest snapshots, and generic CSV/TSV (a time',
    'column and one column per metric; units from header suffixes such as cpu_pct, or',
    '--unit). Files may be gzipped. Empty, NaN and null cells are gaps. Rows and values',
    'that cannot be read are listed with their line and the reason.',
    '',
    'Exit status: 0 imported; 1 a file could not be read at all (nothing was imported);',
    '2 bad usage; 130 interrupted (nothing was imported).',
  ].join('\n'),
  async run(parsed) {
    const workspace = requiredString(parsed, 'workspace', 'import');
    if (parsed.positionals.length === 0) throw new UsageError('name at least one file to import', 'import');
    const options = importOptionsFrom(parsed);
    for (const file of parsed.positionals) {
      if (!existsSync(file)) throw new InputError(`${file}: no such file`);
      if (statSync(file).isDirectory()) throw new InputError(`${file}: is a folder; name the files inside it`);
    }
    const json = parsed.values['json'] === true;
    const db = openWorkspace(workspace, { create: true });
    const controller = new AbortController();
    const onSignal = (): void => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const progress = createProgressLine();
    try {
      const result = await importFiles(
        db,
        parsed.positionals.map((path) => ({ path, name: path })),
        options,
        (p) => progress.update(`${p.phase} ${(p.fraction * 100).toFixed(0)}%`),
        controller.signal,
      );
      progress.clear();
      process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : describeResult(result, basename(workspace)));
      return 0;
    } catch (error) {
      progress.clear();
      if (error instanceof ApiFailure && error.code === 'cancelled') {
        process.stderr.write(`headroom import: interrupted; ${error.message}\n`);
        return 130;
      }
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      db.close();
    }
  },
};

function importOptionsFrom(parsed: ParsedCommand): ImportOptions {
  const values = parsed.values;
  const units: Record<string, string> = {};
  for (const mapping of listOption(parsed, 'unit')) {
    const at = mapping.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--unit wants column=unit, got '${mapping}'`, 'import');
    units[mapping.slice(0, at)] = mapping.slice(at + 1);
  }
  const timeZone = typeof values['timezone'] === 'string' ? values['timezone'] : undefined;
  if (timeZone !== undefined && !isKnownTimeZone(timeZone)) throw new UsageError(`--timezone: unknown time zone '${timeZone}' (use an IANA name such as Europe/Berlin)`, 'import');
  const checked = importOptionsSchema.safeParse({
    format: values['format'],
    timeColumn: values['time-column'],
    timeFormat: values['time-format'],
    timeZone,
    units: Object.keys(units).length > 0 ? units : undefined,
    counters: values['counters'],
    delimiter: values['delimiter'] === '\\t' || values['delimiter'] === 'tab' ? '\t' : values['delimiter'],
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const flag =
      { format: '--format', timeColumn: '--time-column', timeFormat: '--time-format', timeZone: '--timezone', units: '--unit', counters: '--counters', delimiter: '--delimiter' }[
        String(issue?.path[0] ?? '')
      ] ?? 'an option';
    throw new UsageError(`${flag}: ${issue?.message ?? 'invalid value'}`, 'import');
  }
  return checked.data;
}

function describeResult(result: ImportResult, workspaceName: string): string {
  const lines: string[] = [];
  for (const file of result.files) {
    const points = file.series.reduce((sum, s) => sum + s.points, 0);
    lines.push(
      file.statementSamples > 0
        ? `${file.file} (${file.format}): ${file.rowsRead.toLocaleString('en-US')} rows → ${file.statementSamples.toLocaleString('en-US')} statement samples`
        : `${file.file} (${file.format}): ${file.rowsRead.toLocaleString('en-US')} rows → ${points.toLocaleString('en-US')} points in ${file.series.length} series`,
    );
    for (const note of file.notes) lines.push(`  ${note}`);
    for (const s of file.series.slice(0, 20)) lines.push(`  ${s.name}${s.unit ? ` [${s.unit}]` : ''}: ${s.points.toLocaleString('en-US')} points, ${s.start} … ${s.end}`);
    if (file.series.length > 20) lines.push(`  … and ${file.series.length - 20} more series`);
    if (file.cellsMissing > 0) lines.push(`  ${file.cellsMissing.toLocaleString('en-US')} empty cells read as gaps`);
    if (file.rejected.length > 0) {
      lines.push(`  ${file.rowsRejected.toLocaleString('en-US')} rows and ${file.cellsRejected.toLocaleString('en-US')} cells not imported:`);
      for (const issue of file.rejected.slice(0, 10)) lines.push(`    ${file.file}:${issue.line}: ${issue.reason}`);
      if (file.rejected.length > 10) lines.push(`    … ${file.rejected.length - 10} more (see --json)`);
    }
  }
  for (const conflict of result.conflicts) {
    lines.push(
      `${conflict.series}: ${conflict.timestamps.toLocaleString('en-US')} timestamps already held other values; the imported ones were kept (e.g. ${conflict.example.time}: ${conflict.example.replaced} → ${conflict.example.kept})`,
    );
  }
  if (result.derived.length > 0) lines.push(`Derived: ${result.derived.join(', ')}`);
  lines.push(`Saved to ${workspaceName}.`);
  return `${lines.join('\n')}\n`;
}
