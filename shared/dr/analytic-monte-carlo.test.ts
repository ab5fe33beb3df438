import { describe, expect, it } from 'vitest';
import { analyticExpected } from './analytic-expected.js';
import { analyticWorstCase } from './analytic-worst-case.js';
import { compileDrModel } from './dr-model.js';
import { backupOnlyInput, exampleInput, plan } from './dr-test-plans.fixture.js';
import { simulateScenario } from './monte-carlo.js';

const DAY = 86_400;

/** |simulated − analytic| within 4 batch-means standard errors (plus a hair for quadrature). */
function expectAgreement(simulated: number | null, standardError: number | null, analytic: number): void {
  expect(simulated).not.toBeNull();
  expect(standardError).not.toBeNull();
  expect(Math.abs((simulated ?? 0) - analytic)).toBeLessThanOrEqual(4 * (standardError ?? 0) + 1e-6 * Math.max(1, analytic));
}

describe('closed forms of dr-anchors §3.1–3.2 (golden case 4)', () => {
  it('daily fulls consistent at their start, p = 0: E[RPO] = T/2 + D, worst T + D', () => {
    const model = compileDrModel(plan({ ...backupOnlyInput({ durationSeconds: 3600 }), backups: { ...(backupOnlyInput().backups as object), consistencyPoint: 'start', full: { every: '1d', startHour: 2, durationSeconds: 3600 } } }));
    const scenario = model.scenarios[0]!;
    expect(analyticExpected(model, scenario).rpo.seconds).toBeCloseTo(DAY / 2 + 3600, 3);
    expect(analyticWorstCase(model, scenario).rpo.seconds).toBeCloseTo(DAY + 3600, 3);
    const simulated = simulateScenario(model, scenario, 200_000, 11);
    expectAgreement(simulated.rpo.mean, simulated.rpo.standardError.mean, DAY / 2 + 3600);
  });

  it('with backups failing independently (p = 0.1), E[RPO] = D + T/2 + T·p/(1 − p)', () => {
    const input = backupOnlyInput({ successProbability: 0.9 });
    const model = compileDrModel(plan({ ...input, backups: { ...(input.backups as object), consistencyPoint: 'start', full: { every: '1d', startHour: 2, durationSeconds: 3600, successProbability: 0.9 } } }));
    const scenario = model.scenarios[0]!;
    const closedForm = 3600 + DAY / 2 + (DAY * 0.1) / 0.9;
    expect(analyticExpected(model, scenario).rpo.seconds).toBeCloseTo(closedForm, 2);
    const simulated = simulateScenario(model, scenario, 200_000, 12);
    expectAgreement(simulated.rpo.mean, simulated.rpo.standardError.mean, closedForm);
    expect(simulated.pFallback).toBeGreaterThan(0.09);
    expect(simulated.pFallback).toBeLessThan(0.11);
  });

  it('online physical backups (consistent at their end): E[RPO] = T/2, worst T', () => {
    const model = compileDrModel(plan(backupOnlyInput({ fullEvery: '2d' })));
    const scenario = model.scenarios[0]!;
    expect(analyticExpected(model, scenario).rpo.seconds).toBeCloseTo(DAY, 3);
    expect(analyticWorstCase(model, scenario).rpo.seconds).toBeCloseTo(2 * DAY, 3);
  });

  it('continuous archiving: E[RPO] = interval/2 + E[latency], worst interval + max latency', () => {
    const model = compileDrModel(plan(backupOnlyInput({ archiving: true })));
    const scenario = model.scenarios[0]!;
    const meanLatency = (1 + 4 * 2 + 10) / 6; // PERT mean of {1, 2, 10}
    expect(analyticExpected(model, scenario).rpo.seconds).toBeCloseTo(30 + meanLatency, 1);
    expect(analyticWorstCase(model, scenario).rpo.seconds).toBeCloseTo(70, 3);
    const simulated = simulateScenario(model, scenario, 100_000, 13);
    expectAgreement(simulated.rpo.mean, simulated.rpo.standardError.mean, 30 + meanLatency);
    // Replay from the base backup's start: E[V] = w·(E[age]) with E[age] = T/2 + the archive shift.
    expectAgreement(simulated.rto.mean, simulated.rto.standardError.mean, analyticExpected(model, scenario).rto.seconds);
  });
});

describe('analytic expected values agree with the simulation within sampling error', () => {
  // Every backup usable: the analytic chain approximation is then exact.
  const input = exampleInput();
  (input.backups['full'] as Record<string, unknown>)['successProbability'] = 1;
  (input.backups['differential'] as Record<string, unknown>)['successProbability'] = 1;
  const model = compileDrModel(plan(input));
  for (const scenario of model.scenarios) {
    it(`${scenario.spec.id}: mean RPO and RTO, P(gate refused)`, () => {
      const simulated = simulateScenario(model, scenario, 60_000, 21);
      const expected = analyticExpected(model, scenario);
      expectAgreement(simulated.rpo.mean, simulated.rpo.standardError.mean, expected.rpo.seconds);
      expectAgreement(simulated.rto.mean, simulated.rto.standardError.mean, expected.rto.seconds);
      expect(Math.abs(simulated.pGateRefused - expected.pGateRefused)).toBeLessThanOrEqual(4 * Math.sqrt((expected.pGateRefused * (1 - expected.pGateRefused)) / 60_000) + 1e-9);
    });
  }

  it('fulls only with failures: the fallback depth matches the geometric closed form in RTO too', () => {
    const model = compileDrModel(plan(backupOnlyInput({ successProbability: 0.8, archiving: true })));
    const scenario = model.scenarios[0]!;
    const simulated = simulateScenario(model, scenario, 100_000, 22);
    expectAgreement(simulated.rto.mean, simulated.rto.standardError.mean, analyticExpected(model, scenario).rto.seconds);
  });
});

describe('the analytic worst case', () => {
  it('bounds every simulated trial when every backup is usable', () => {
    const input = exampleInput();
    (input.backups['full'] as Record<string, unknown>)['successProbability'] = 1;
    (input.backups['differential'] as Record<string, unknown>)['successProbability'] = 1;
    const model = compileDrModel(plan(input));
    for (const scenario of model.scenarios) {
      const worst = analyticWorstCase(model, scenario);
      const simulated = simulateScenario(model, scenario, 20_000, 5);
      expect(simulated.rpo.maxSeen ?? Infinity).toBeLessThanOrEqual((worst.rpo.seconds ?? Infinity) * (1 + 1e-9) + 1e-6);
      expect(simulated.rto.maxSeen ?? Infinity).toBeLessThanOrEqual((worst.rto.seconds ?? Infinity) * (1 + 1e-9) + 1e-6);
    }
  });

  it('names its terms, which sum to it', () => {
    const model = compileDrModel(plan(exampleInput()));
    for (const scenario of model.scenarios) {
      const worst = analyticWorstCase(model, scenario);
      const sum = worst.rto.terms.reduce((a, t) => a + t.seconds, 0);
      expect(sum).toBeCloseTo(worst.rto.seconds ?? Number.NaN, 6);
      const rpoSum = worst.rpo.terms.reduce((a, t) => a + t.seconds, 0);
      expect(rpoSum).toBeCloseTo(worst.rpo.seconds ?? Number.NaN, 6);
    }
  });
});
