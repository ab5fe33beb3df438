import { describe, expect, it } from 'vitest';
import { analyticExpected } from './analytic-expected.js';
import { analyticWorstCase } from './analytic-worst-case.js';
import { compileDrModel } from './dr-model.js';
import { parseDrPlan } from './dr-plan-schema.js';
import { simulateScenario } from './monte-carlo.js';
import { DR_PRESETS, patroniDetection, PATRONI_DEFAULTS } from './presets.js';

function preset(id: string, edit: (plan: Record<string, unknown>) => void = () => undefined) {
  const found = DR_PRESETS.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  const input = JSON.parse(JSON.stringify(found.plan)) as Record<string, unknown>;
  edit(input);
  const model = compileDrModel(parseDrPlan(input));
  return { model, scenario: (i: number) => model.scenarios[i]! };
}

describe('vendor presets reproduce the published figures', () => {
  it('every preset is a valid plan and cites its source', () => {
    for (const p of DR_PRESETS) {
      expect(() => parseDrPlan(p.plan), p.id).not.toThrow();
      expect(p.source).toMatch(/^https:\/\//);
    }
  });

  // Patroni docs (https://patroni.readthedocs.io/en/latest/dynamic_configuration.html):
  // "worst case failover time for primary failure is loop_wait + primary_start_timeout +
  // loop_wait", 10 + 300 + 10 = 320 s with the defaults; "just loop_wait" when
  // primary_start_timeout is 0; rule loop_wait + 2·retry_timeout ≤ ttl.
  it('Patroni defaults: PostgreSQL crash → worst-case failover 320 s; node loss ≈ ttl + loop_wait = 40 s', () => {
    const { model, scenario } = preset('patroni-defaults');
    expect(analyticWorstCase(model, scenario(0)).rto.seconds).toBe(320);
    expect(analyticWorstCase(model, scenario(1)).rto.seconds).toBe(40);
    const simulated = simulateScenario(model, scenario(0), 20_000, 1);
    expect(simulated.rto.p99 ?? Infinity).toBeLessThanOrEqual(320);
    expect(simulated.rto.p50 ?? 0).toBeGreaterThanOrEqual(300);
    expect(patroniDetection({ ...PATRONI_DEFAULTS, primaryStartTimeout: 0 }).crash.max).toBe(10);
    expect(() => patroniDetection({ ...PATRONI_DEFAULTS, retryTimeout: 15 })).toThrow(/loop_wait \+ 2·retry_timeout ≤ ttl/);
  });

  // AWS RDS API reference, FailoverDBCluster: Multi-AZ DB cluster failover "typically
  // completes in less than 35 seconds".
  it('RDS Multi-AZ DB cluster: failover under 35 s, no data loss', () => {
    const { model, scenario } = preset('rds-multi-az-cluster');
    const simulated = simulateScenario(model, scenario(0), 20_000, 2);
    expect(simulated.rto.p95 ?? Infinity).toBeLessThan(35);
    expect(analyticWorstCase(model, scenario(0)).rto.seconds).toBeLessThanOrEqual(35);
    expect(simulated.rpo.p99).toBe(0);
  });

  // AWS Prescriptive Guidance, Aurora Global Database: typical cross-region lag under
  // 1 s; a secondary region promoted in under a minute.
  it('Aurora Global Database: region outage loses under 1 s of data (P99), promotion under 1 min', () => {
    const { model, scenario } = preset('aurora-global-database');
    const simulated = simulateScenario(model, scenario(0), 20_000, 3);
    expect(simulated.rpo.p99 ?? Infinity).toBeLessThan(1);
    expect(analyticWorstCase(model, scenario(0)).rto.seconds).toBeLessThanOrEqual(60);
  });

  // Microsoft, Azure SQL Database business continuity overview: auto-failover group
  // RTO 1 h (grace period before automatic failover), RPO 5 s.
  it('Azure SQL auto-failover group: RTO ≈ 1 h (the grace period dominates), RPO ≤ 5 s', () => {
    const { model, scenario } = preset('azure-sql-failover-group');
    const worst = analyticWorstCase(model, scenario(0));
    const expected = analyticExpected(model, scenario(0));
    expect(worst.rpo.seconds).toBeLessThanOrEqual(5);
    expect(expected.rto.seconds).toBeGreaterThanOrEqual(3600);
    expect(worst.rto.seconds).toBeLessThanOrEqual(3600 + 60);
    expect(worst.rto.terms.find((t) => t.step === 'decision')?.seconds).toBe(3600);
  });

  // Oracle Autonomous Database Serverless, availability SLOs: backup-based disaster
  // recovery RTO = 1 hour + 1 hour per 5 TB (dr-anchors golden case 1: 5 TB → 2 h).
  it('Oracle ADB backup-based DR: 1 h + 1 h per 5 TB — 2 h at 5 TB, 3 h at 10 TB, 1.2 h at 1 TB', () => {
    for (const [tb, hours] of [
      [5, 2],
      [10, 3],
      [1, 1.2],
    ] as const) {
      const { model, scenario } = preset('oracle-adb-backup-dr', (p) => {
        p['database'] = { sizeGiB: tb * 1024, walGiBPerHour: 0 };
      });
      expect(analyticWorstCase(model, scenario(0)).rto.seconds).toBeCloseTo(hours * 3600, 6);
      expect(analyticExpected(model, scenario(0)).rto.seconds).toBeCloseTo(hours * 3600, 6);
      const simulated = simulateScenario(model, scenario(0), 2000, 4);
      expect(simulated.rto.p50).toBeCloseTo(hours * 3600, 0);
      expect(simulated.paths.map((p) => p.path)).toEqual(['restore-offsite']);
    }
  });

  // Microsoft Learn, "Monitor performance for Always On availability groups":
  // T_failover = T_detection + T_overhead + T_redo, T_redo = redo_queue / redo_rate;
  // dr-anchors golden case 5: 6 GB queue at 100 MB/s, detection 30 s, overhead 10 s → 100 s.
  it('SQL Server AG: T_failover = T_detection + T_overhead + T_redo = 30 + 10 + 60 = 100 s', () => {
    const { model, scenario } = preset('sql-server-ag');
    const worst = analyticWorstCase(model, scenario(0));
    expect(worst.rto.seconds).toBeCloseTo(100, 9);
    expect(worst.rto.terms).toEqual([
      { step: 'detection', seconds: 30 },
      { step: 'replay', seconds: expect.closeTo(60, 9) as unknown as number },
      { step: 'promotion', seconds: 10 },
    ]);
    expect(analyticExpected(model, scenario(0)).rto.seconds).toBeCloseTo(100, 9);
    expect(worst.rpo.seconds).toBe(0);
  });
});
