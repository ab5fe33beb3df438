import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../test/helpers/run-cli.js';
import { SAMPLE_WORKSPACE_FILE } from '../backend/sample-workspace.js';

beforeAll(requireBuiltCli);

const dir = mkdtempSync(join(tmpdir(), 'headroom-dr-'));
const write = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

interface Figures {
  worst: number | null;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

describe('bin/headroom dr (docs/cli.md)', () => {
  it('prints an example plan covering every scenario kind, which simulates reproducibly', () => {
    const example = runCli(['dr', '--example']);
    expect(example.status, example.stderr).toBe(0);
    const plan = JSON.parse(example.stdout) as { scenarios: { kind: string }[] };
    expect(new Set(plan.scenarios.map((s) => s.kind)).size).toBe(7);
    const path = write('plan.json', example.stdout);
    const a = runCli(['dr', '--plan', path, '--trials', '20000', '--seed', '3', '--json']);
    const b = runCli(['dr', '--plan', path, '--trials', '20000', '--seed', '3', '--json']);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout) as { trials: number; seed: number; scenarios: { id: string; rpoSeconds: Figures; rtoSeconds: Figures; pMeetRpo: number; pMeetRto: number; drivers: { step: string; share: number }[]; breach: unknown; timeline: unknown; analytic: unknown }[] };
    expect(result.trials).toBe(20000);
    expect(result.seed).toBe(3);
    expect(result.scenarios).toHaveLength(7);
    for (const s of result.scenarios) {
      for (const f of [s.rpoSeconds, s.rtoSeconds]) {
        expect(Object.keys(f)).toEqual(expect.arrayContaining(['worst', 'mean', 'p50', 'p95', 'p99']));
        expect(f.p50 ?? 0).toBeLessThanOrEqual(f.p95 ?? 0);
        expect(f.p95 ?? 0).toBeLessThanOrEqual(f.p99 ?? 0);
        expect(f.p99 ?? 0).toBeLessThanOrEqual(f.worst ?? Infinity);
      }
      expect(s.pMeetRpo).toBeGreaterThanOrEqual(0);
      expect(s.pMeetRto).toBeLessThanOrEqual(1);
      expect(s.drivers.length).toBeGreaterThan(0);
      expect(s).toHaveProperty('analytic');
      expect(s).toHaveProperty('timeline');
      expect(s).toHaveProperty('breach');
    }
    const other = runCli(['dr', '--plan', path, '--trials', '20000', '--seed', '4', '--json']);
    expect(other.stdout).not.toBe(a.stdout);
  });

  it('prints a table per scenario with pass/fail against its targets', () => {
    const path = write('plan-text.json', runCli(['dr', '--example']).stdout);
    const run = runCli(['dr', '--plan', path, '--trials', '2000']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^node-failure — Node \/ instance failure/m);
    expect(run.stdout).toMatch(/^\s+RPO\s+1m\s/m);
    expect(run.stdout).toMatch(/PASS/);
    expect(run.stdout).toMatch(/FAIL/);
    expect(run.stdout).toMatch(/drives RTO: /);
  });

  it('refuses an invalid plan in one line naming the field and the fix', () => {
    const example = JSON.parse(runCli(['dr', '--example']).stdout) as { backups: Record<string, unknown> };
    example.backups['full'] = { every: 'weekly', durationSeconds: '2h' };
    const path = write('bad.json', JSON.stringify(example));
    const run = runCli(['dr', '--plan', path, '--json']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('plan.backups.full.every: expected a duration such as "7d" or a number of seconds, got "weekly"');
    const broken = runCli(['dr', '--plan', write('broken.json', '{"name": ')]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/not valid JSON/);
    expect(runCli(['dr', '--plan', join(dir, 'missing.json')]).stderr).toMatch(/no such file/);
    const trials = runCli(['dr', '--plan', path, '--trials', 'many']);
    expect(trials.status).toBe(1);
    expect(trials.stderr).toMatch(/--trials: expected a whole number/);
  });

  it('treats a missing --plan or an unknown option as bad usage (exit 2)', () => {
    expect(runCli(['dr']).status).toBe(2);
    expect(runCli(['dr', '--plna', 'x']).status).toBe(2);
    expect(runCli(['--help']).stdout).toMatch(/\bdr\b/);
  });

  it('simulates the plan stored in a workspace, and stores a valid plan with --save (an invalid one is refused, the stored one kept)', () => {
    const workspace = join(dir, 'w.headroom');
    copyFileSync(join('samples', SAMPLE_WORKSPACE_FILE), workspace);
    const stored = runCli(['dr', '--workspace', workspace, '--trials', '5000', '--json']);
    expect(stored.status, stored.stderr).toBe(0);
    expect((JSON.parse(stored.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(7);
    const example = JSON.parse(runCli(['dr', '--example']).stdout) as { name: string; scenarios: unknown[] };
    example.name = 'two scenarios';
    example.scenarios = example.scenarios.slice(0, 2);
    const saved = runCli(['dr', '--plan', write('two.json', JSON.stringify(example)), '--workspace', workspace, '--save', '--trials', '5000', '--json']);
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.stderr).toContain('stored the plan');
    const bad = runCli(['dr', '--plan', write('bad-save.json', JSON.stringify({ ...example, horizonMonths: -1 })), '--workspace', workspace, '--save']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('plan.horizonMonths');
    const again = JSON.parse(runCli(['dr', '--workspace', workspace, '--trials', '5000', '--json']).stdout) as { plan: string; scenarios: unknown[] };
    expect(again.plan).toBe('two scenarios');
    expect(again.scenarios).toHaveLength(2);
    expect(runCli(['dr', '--plan', write('x.json', '{}'), '--save']).status).toBe(2);
  });
});
