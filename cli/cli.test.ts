import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { metricCsv } from '../test/helpers/metric-csv.js';
import { requireBuiltCli, runCli } from '../test/helpers/run-cli.js';
import { useTempDir } from '../test/helpers/temp-dir.js';
import { COMMANDS } from './main.js';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at /);

describe('bin/headroom (the CLI contract, docs/cli.md)', () => {
  it('imports a CSV and reports it as JSON with the fields the contract names', () => {
    const dir = tempDir();
    const csv = join(dir, 'metrics.csv');
    writeFileSync(csv, metricCsv({ columns: ['cpu_pct', 'storage_gib'], rows: 100 }));
    const run = runCli(['import', csv, '--workspace', join(dir, 'w.headroom'), '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files[0]).toMatchObject({ file: csv, format: 'csv', rejected: [] });
    expect(report.files[0].series[0]).toEqual({ name: 'cpu_pct', unit: '%', points: 100, start: '2024-01-01T00:00:00Z', end: '2024-01-01T01:39:00Z' });
  });

  it('lists series as JSON with ISO-8601 UTC times and the resolution in seconds', () => {
    const dir = tempDir();
    const csv = join(dir, 'm.csv');
    writeFileSync(csv, metricCsv({ columns: ['latency_ms'], rows: 10, stepMs: 300_000 }));
    runCli(['import', csv, '--workspace', join(dir, 'w.headroom')]);
    const run = runCli(['series', '--workspace', join(dir, 'w.headroom'), '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ name: 'latency_ms', unit: 'ms', points: 10, start: '2024-01-01T00:00:00Z', end: '2024-01-01T00:45:00Z', resolutionSeconds: 300 });
  });

  it('exports CSV with the header series,timestamp,value, which imports back unchanged', () => {
    const dir = tempDir();
    const csv = join(dir, 'm.csv');
    writeFileSync(csv, metricCsv({ columns: ['a_pct', 'b_gib'], rows: 20, value: (r, c) => r * 1.5 + c }));
    runCli(['import', csv, '--workspace', join(dir, 'one.headroom')]);
    const exported = runCli(['export', '--workspace', join(dir, 'one.headroom'), '--format', 'csv']);
    expect(exported.status).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    expect(lines[0]).toBe('series,timestamp,value,unit');
    expect(lines[1]).toBe('a_pct,2024-01-01T00:00:00Z,0,%');
    writeFileSync(join(dir, 'export.csv'), exported.stdout);
    runCli(['import', join(dir, 'export.csv'), '--workspace', join(dir, 'two.headroom')]);
    const again = runCli(['export', '--workspace', join(dir, 'two.headroom'), '--format', 'csv']);
    expect(again.stdout).toBe(exported.stdout);
    const json = JSON.parse(runCli(['export', '--workspace', join(dir, 'two.headroom'), '--series', 'b_gib', '--format', 'json']).stdout);
    expect(json.series[0].points[2]).toEqual({ timestamp: '2024-01-01T00:02:00Z', value: 4 });
  });

  it('exits 1 with one `file:line: reason` line, and no stack trace, when nothing can be read', () => {
    const dir = tempDir();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Meeting notes\nbuy more disks\n');
    const run = runCli(['import', notes, '--workspace', join(dir, 'w.headroom')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^headroom import: ${notes.replace(/[/.]/g, '\\$&')}:1: no timestamp column`));
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    noStackTrace(run.stderr);
  });

  it('exits 1 for a missing file or workspace, and 2 for bad usage', () => {
    const dir = tempDir();
    expect(runCli(['import', join(dir, 'absent.csv'), '--workspace', join(dir, 'w.headroom')]).status).toBe(1);
    const missing = runCli(['series', '--workspace', join(dir, 'absent.headroom'), '--json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such workspace/);
    expect(runCli(['import', '--workspace', join(dir, 'w.headroom')]).status).toBe(2);
    expect(runCli(['series']).status).toBe(2);
    const unknown = runCli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(runCli(['import', 'x.csv', '--workspace', 'w', '--time-format', 'sundial']).status).toBe(2);
    noStackTrace(unknown.stderr);
  });

  it('has --help on every command', () => {
    expect(runCli(['--help']).stdout).toMatch(/Usage: headroom <command>/);
    for (const command of COMMANDS) {
      const run = runCli([command.name, '--help']);
      expect(run.status, command.name).toBe(0);
      expect(run.stdout).toContain(`Usage: headroom ${command.name}`);
    }
  });

  it('reads the bundled sample workspace without changing it', () => {
    const run = runCli(['series', '--workspace', 'samples/sample-postgres-oltp.headroom', '--json']);
    expect(run.status).toBe(0);
    const names = JSON.parse(run.stdout).map((s: { name: string }) => s.name);
    expect(names).toEqual([
      'active_connections',
      'cpu_pct',
      'memory_used_gib',
      'queries.exec_time_ms_per_s',
      'queries.read_per_s',
      'queries.read_share',
      'queries.write_per_s',
      'read_iops',
      'read_qps',
      'replication_lag_s',
      'storage_used_gib',
      'write_iops',
      'write_qps',
    ]);
  });
});
