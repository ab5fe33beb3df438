import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../test/helpers/run-cli.js';

beforeAll(requireBuiltCli);

describe('bin/headroom scale (docs/cli.md)', () => {
  it('compares every kind of strategy on the sample and recommends the cheapest feasible plan', () => {
    const run = runCli(['scale', '--workspace', 'samples/sample-postgres-oltp.headroom', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { options: { name: string; kind: string; feasible: boolean; totalCost: number; monthlyCost: number[]; meetsTargetsThrough: string; actions: unknown[] }[]; recommended: string; sensitivity: unknown[] };
    expect(new Set(out.options.map((o) => o.kind))).toEqual(new Set(['vertical', 'read-replicas', 'sharding', 'storage', 'combination']));
    const recommended = out.options.find((o) => o.name === out.recommended);
    expect(recommended?.feasible).toBe(true);
    expect(recommended?.totalCost).toBe(Math.min(...out.options.filter((o) => o.feasible).map((o) => o.totalCost)));
    for (const o of out.options) {
      expect(o.monthlyCost).toHaveLength(24);
      expect(o.meetsTargetsThrough).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    // Storage binds first on the sample: doing nothing or only scaling up cannot last.
    expect(out.options.find((o) => o.name === 'Stay on mem.2xlarge')?.feasible).toBe(false);
    expect(out.sensitivity).toHaveLength(2);
  });

  it('refuses an unknown confidence with exit 2', () => {
    expect(runCli(['scale', '--workspace', 'samples/sample-postgres-oltp.headroom', '--confidence', 'p99']).status).toBe(2);
  });
});
