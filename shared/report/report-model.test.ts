import { describe, expect, it } from 'vitest';
import { buildReport, NO_DR_PLAN } from './report-model.js';
import { FIXTURE_SCALING, fixtureInputs, HOSTILE_IMG } from './report-fixtures.js';

describe('buildReport', () => {
  const model = buildReport(fixtureInputs());

  it('has the requested sections in a fixed order, with meta, assumptions, provenance and sign-off', () => {
    // Given sections asked for out of order, when built, then they come capacity, scaling, dr.
    const reordered = buildReport(fixtureInputs({ parameters: { sections: ['dr', 'capacity'], horizon: null, confidence: 'p90', pricing: 'on-demand', seed: 1 } }));
    expect(reordered.sections.map((s) => s.id)).toEqual(['capacity', 'dr']);
    expect(reordered.meta.parameters.sections).toEqual(['capacity', 'dr']);
    expect(model.meta).toMatchObject({ format: 1, appVersion: '0.1.0-test', workspaceFile: 'orders.headroom', generatedAt: '2026-07-21T08:00:00Z' });
    expect(model.meta.title).toBe(`orders ${HOSTILE_IMG}: Capacity review, scaling decision and DR sign-off`);
    expect(model.signOff).toEqual({ preparedBy: HOSTILE_IMG, reviewedBy: '</script><script>alert(1)</script>', decision: 'approve', date: '2026-07-22' });
    expect(model.assumptions.map((a) => a.topic)).toContain('Workload shape');
  });

  it('is plain JSON: serialising and parsing gives the same object (no NaN, Infinity or typed arrays)', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('carries the binding resource, the runway dates and each forecast with its backtest', () => {
    const capacity = model.sections[0];
    if (capacity?.id !== 'capacity' || capacity.status !== 'ok') throw new Error('capacity section missing');
    expect(capacity.binding).toBe(HOSTILE_IMG);
    expect(capacity.resources.filter((r) => r.binding)).toHaveLength(1);
    const disk = capacity.resources.find((r) => r.id === 'disk');
    expect(disk?.status).toBe('crosses');
    expect(disk?.runway.p50).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(disk?.threshold).toBe(1200);
    const forecast = capacity.forecasts.find((f) => f.resourceId === 'disk');
    expect(forecast?.backtest?.mase).toBeGreaterThan(0);
    expect(forecast?.chart.forecastTimesMs.length).toBe(forecast?.chart.hi95.length);
    expect(forecast?.chart.forecastTimesMs.length).toBeLessThanOrEqual(240);
  });

  it('thins chart curves as an envelope, so no peak is lost', () => {
    const capacity = model.sections[0];
    if (capacity?.id !== 'capacity' || capacity.status !== 'ok') throw new Error('capacity section missing');
    const f = capacity.forecasts[0];
    // 24 months of daily forecast (≈730) in at most 240 buckets: the last bucket's top is the horizon's top.
    expect(Math.max(...(f?.chart.hi95 ?? []))).toBeGreaterThan(0);
    const lo = f?.chart.lo95 ?? [];
    const hi = f?.chart.hi95 ?? [];
    lo.forEach((v, i) => expect(v).toBeLessThanOrEqual(hi[i] ?? Infinity));
  });

  it('turns the scaling analysis into rows with costs in cents and the recorded decision', () => {
    const scaling = model.sections[1];
    if (scaling?.id !== 'scaling' || scaling.status !== 'ok') throw new Error('scaling section missing');
    expect(scaling.months).toEqual(['2026-08', '2026-09', '2026-10']);
    const grow = scaling.options.find((o) => o.recommended);
    expect(grow?.name).toBe(FIXTURE_SCALING.recommendation.recommended);
    expect(grow?.monthlyCost).toEqual([900, 1100.56, 1100.56]);
    expect(grow?.actions).toEqual([{ month: '2026-09', description: 'Grow storage to 2,700 GiB' }]);
    expect(scaling.decision?.option).toBe('Stay on mem.2xlarge');
    expect(scaling.sensitivity[1]).toEqual({ growth: '+25 %', recommended: null, totalCost: null });
  });

  it('says why a section is unavailable instead of failing the report', () => {
    const m = buildReport(fixtureInputs({ scaling: { ok: false, reason: 'the workspace has no instance catalog' }, dr: null }));
    expect(m.sections[1]).toEqual({ id: 'scaling', status: 'unavailable', reason: 'the workspace has no instance catalog' });
    expect(m.sections[2]).toEqual({ id: 'dr', status: 'unavailable', reason: NO_DR_PLAN });
  });

  it('takes a DR result and sorts its drivers, largest share first', () => {
    const dr = model.sections[2];
    if (dr?.id !== 'dr' || dr.status !== 'ok') throw new Error('dr section missing');
    expect(dr.scenarios[0]?.drivers.map((d) => d.step)).toEqual(['restore', 'promote']);
    expect(dr.scenarios[0]?.rto.p95).toBe(800);
  });

  it('records provenance: SHA-256, time range, points and the first rejected rows', () => {
    const f = model.provenance.imports[0];
    expect(f).toMatchObject({ sha256: 'ab'.repeat(32), start: '2026-01-01T00:00:00Z', end: '2026-07-19T00:00:00Z', points: 200, rowsRejected: 1 });
    expect(f?.rejectedExamples).toHaveLength(1);
    const unrecorded = buildReport(fixtureInputs({ imports: [{ ...(fixtureInputs().imports[0] ?? ({} as never)), sha256: '' }] }));
    expect(unrecorded.provenance.imports[0]?.sha256).toBeNull();
  });

  it('is deterministic: the same inputs give the same JSON', () => {
    expect(JSON.stringify(buildReport(fixtureInputs()))).toBe(JSON.stringify(model));
  });
});
