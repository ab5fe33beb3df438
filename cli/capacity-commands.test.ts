import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../test/helpers/run-cli.js';
import { useTempDir } from '../test/helpers/temp-dir.js';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

describe('bin/headroom queue and usl (docs/cli.md)', () => {
  it('queue: the PDQ Erlang C case (c = 4, λ = 0.35/min, S = 10 min)', () => {
    // Gunther, Analyzing Computer System Performance with Perl::PDQ: P(wait) 0.7379, W 14.7572 min.
    const run = runCli(['queue', '--servers', '4', '--arrival-rate', String(0.35 / 60), '--service-time', '600', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.utilization).toBeCloseTo(0.875, 12);
    expect(out.pWait).toBeCloseTo(0.7378610940, 9);
    expect(out.meanWait / 60).toBeCloseTo(14.7572, 4);
    expect(out.meanResponse / 60).toBeCloseTo(24.7572, 4);
  });

  it('queue: an overloaded queue exits 1 naming the servers that would keep up', () => {
    const run = runCli(['queue', '--servers', '2', '--arrival-rate', '3', '--service-time', '1']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/3 servers|at least 4|minimum/i);
    expect(runCli(['queue', '--servers', 'two', '--arrival-rate', '1', '--service-time', '1']).status).toBe(2);
  });

  it('usl: fits the sample pgbench test, and names line and column of a bad cell', () => {
    const run = runCli(['usl', '--input', 'samples/exports/pgbench-load-test.csv', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    // The sample was generated from σ 0.03, κ 0.0004, λ 900 with 2 % noise.
    expect(out.sigma).toBeGreaterThan(0.02);
    expect(out.sigma).toBeLessThan(0.045);
    expect(out.kappa).toBeCloseTo(0.0004, 4);
    expect(out.peakN).toBeGreaterThan(40);
    expect(out.r2).toBeGreaterThan(0.99);
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, 'clients,tps\n1,100\n2,abc\n4,390\n');
    const failed = runCli(['usl', '--input', bad]);
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim()).toMatch(/bad\.csv: line 3, column 2 \(tps\): 'abc' is not a number/);
  });
});

describe('bin/headroom catalog (docs/cli.md)', () => {
  it('exports the catalog as CSV and imports it back, refusing a bad row by line and column', () => {
    const dir = tempDir();
    const workspace = join(dir, 'w.headroom');
    copyFileSync('samples/sample-postgres-oltp.headroom', workspace);
    const exported = join(dir, 'catalog.csv');
    expect(runCli(['catalog', '--workspace', workspace, '--export', exported]).status).toBe(0);
    const text = readFileSync(exported, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^provider,instance_class,vcpu,memory_gib,/);
    writeFileSync(join(dir, 'bad.csv'), text.replace(/,2,8,/, ',two,8,'));
    const bad = runCli(['catalog', '--workspace', workspace, '--import', join(dir, 'bad.csv')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/bad\.csv: line 2, column vcpu: 'two' is not a number/);
    const small = text.split('\n').slice(0, 3).join('\n');
    writeFileSync(join(dir, 'small.csv'), `${small}\n`);
    expect(runCli(['catalog', '--workspace', workspace, '--import', join(dir, 'small.csv')]).stdout).toMatch(/catalog replaced with 2 instances/);
    expect(JSON.parse(runCli(['catalog', '--workspace', workspace, '--json']).stdout)).toHaveLength(2);
  });
});
