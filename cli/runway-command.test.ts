import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../test/helpers/run-cli.js';

beforeAll(requireBuiltCli);

describe('bin/headroom runway (docs/cli.md)', () => {
  it('judges the sample system: storage binds within the year, the soft pool limit never binds', () => {
    const run = runCli(['runway', '--workspace', 'samples/sample-postgres-oltp.headroom', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const resources = JSON.parse(run.stdout) as { resource: string; id: string; binding: boolean; artificial: boolean; runway: { p10: string; p50: string; p90: string } | null; headroomPct: number; threshold: number; capacity: number; current: number }[];
    expect(resources.filter((r) => r.binding).map((r) => r.id)).toEqual(['storage']);
    const storage = resources.find((r) => r.id === 'storage');
    expect(storage?.capacity).toBe(1800);
    expect(storage?.threshold).toBe(1440);
    expect((storage?.runway?.p10 ?? '') <= (storage?.runway?.p50 ?? '') && (storage?.runway?.p50 ?? '') <= (storage?.runway?.p90 ?? '')).toBe(true);
    expect(Date.parse(storage?.runway?.p50 ?? '') - Date.parse('2026-11-01T00:00:00Z')).toBeLessThan(365 * 86_400_000);
    expect(resources.find((r) => r.id === 'pool')).toMatchObject({ artificial: true, binding: false });
    for (const r of resources) expect(Object.keys(r)).toEqual(expect.arrayContaining(['resource', 'capacity', 'threshold', 'current', 'headroomPct', 'runway', 'binding']));
  });

  it('refuses an unknown scenario in one line', () => {
    const run = runCli(['runway', '--workspace', 'samples/sample-postgres-oltp.headroom', '--scenario', 'nope']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/has no scenario 'nope'$/);
  });
});
