import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AIR_PASSENGERS } from '../shared/forecast/reference-series.fixture.js';
import { metricCsv } from '../test/helpers/metric-csv.js';
import { requireBuiltCli, runCli } from '../test/helpers/run-cli.js';
import { useTempDir } from '../test/helpers/temp-dir.js';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

function airPassengersCsv(dir: string): string {
  const path = join(dir, 'ap.csv');
  writeFileSync(path, `timestamp,value\n${AIR_PASSENGERS.map((v, i) => `${new Date(Date.UTC(1949, i, 1)).toISOString().slice(0, 10)},${v}`).join('\n')}\n`);
  return path;
}

describe('bin/headroom forecast (docs/cli.md)', () => {
  it('prints the documented JSON: model, points with nested intervals, backtest', () => {
    const run = runCli(['forecast', '--input', airPassengersCsv(tempDir()), '--horizon', '12', '--model', 'theta', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.model).toMatch(/^Theta/);
    expect(out.periods).toEqual([12]);
    expect(out.points).toHaveLength(12);
    expect(out.points[0].t).toBe('1961-01-01T00:00:00Z');
    for (const p of out.points) expect(p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95).toBe(true);
    expect(Object.keys(out.backtest)).toEqual(expect.arrayContaining(['mase', 'smape', 'coverage80', 'coverage95']));
  });

  it('forecasts a workspace series over a duration, and reads it without changing the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.csv'), metricCsv({ columns: ['disk_gib'], rows: 24 * 40, stepMs: 3_600_000, value: (i) => 100 + i * 0.05 + 3 * Math.sin(i / 3.8) }));
    const workspace = join(dir, 'w.headroom');
    expect(runCli(['import', join(dir, 'm.csv'), '--workspace', workspace]).status).toBe(0);
    const before = readFileSync(workspace);
    const run = runCli(['forecast', '--workspace', workspace, '--series', 'disk_gib', '--horizon', '14d', '--model', 'linear']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^disk_gib GiB: Linear trend/);
    expect(run.stdout).toMatch(/backtest \(\d origins × \d+ steps\): MASE/);
    expect(readFileSync(workspace).equals(before)).toBe(true);
  });

  it('refuses bad usage with exit 2 and input it cannot forecast with exit 1, in one line', () => {
    const dir = tempDir();
    expect(runCli(['forecast', '--horizon', '12']).status).toBe(2);
    expect(runCli(['forecast', '--input', airPassengersCsv(dir), '--horizon', 'soon']).stderr).toMatch(/--horizon: horizon 'soon' is not a number of steps or a duration/);
    expect(runCli(['forecast', '--input', airPassengersCsv(dir), '--horizon', '3', '--model', 'prophet']).status).toBe(2);
    writeFileSync(join(dir, 'two.csv'), 'timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n');
    const short = runCli(['forecast', '--input', join(dir, 'two.csv'), '--horizon', '3']);
    expect(short.status).toBe(1);
    expect(short.stderr.trim()).toMatch(/two\.csv: a forecast needs at least 3 points; the series has 2$/);
    expect(short.stderr).not.toMatch(/\n\s+at /);
  });
});
