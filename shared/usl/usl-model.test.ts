import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertUslCoefficients, uslResponseTimeSeconds, uslThroughput } from './usl-model.js';
import { UslError } from './usl-error.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

// refdata/usl_expected.csv (line 1: sources). The fixed_model_l90_s0.03_k0.0001 rows (lines 56–61) are
// mookerji/sca_tools tests/test_usl.py evaluating X(N) = λN/(1 + σ(N − 1) + κN(N − 1)).
const rows = readFileSync(refdataUrl('usl_expected.csv'), 'utf8')
  .split(/\r?\n/)
  .map((text, index) => ({ line: index + 1, cells: text.split(',') }));

describe('uslThroughput', () => {
  const scaTools = rows.filter(({ cells }) => cells[0] === 'fixed_model_l90_s0.03_k0.0001');
  it('reads the six sca_tools rows', () => expect(scaTools.map((r) => r.line)).toEqual([56, 57, 58, 59, 60, 61]));
  for (const { line, cells } of scaTools) {
    const n = Number(cells[2]!.replace('X_at_N', ''));
    it(`usl_expected.csv line ${line}: X(${n}) = ${cells[3]} for σ = 0.03, κ = 0.0001, λ = 90`, () => {
      expect(uslThroughput({ sigma: 0.03, kappa: 0.0001, lambda: 90 }, n)).toBeCloseTo(Number(cells[3]), 7);
    });
  }

  it('is λN without penalties and λ at N = 1 whatever σ and κ', () => {
    expect(uslThroughput({ sigma: 0, kappa: 0, lambda: 12.5 }, 8)).toBe(100);
    expect(uslThroughput({ sigma: 0.3, kappa: 0.01, lambda: 12.5 }, 1)).toBe(12.5);
    expect(uslThroughput({ sigma: 0.3, kappa: 0.01, lambda: 12.5 }, 0)).toBe(0);
  });

  it('rejects coefficients outside the law and a negative N', () => {
    expect(() => assertUslCoefficients({ sigma: -0.01, kappa: 0, lambda: 1 })).toThrow(/σ \(contention\) must be in \[0, 1\]/);
    expect(() => assertUslCoefficients({ sigma: 0, kappa: 1.5, lambda: 1 })).toThrow(/κ/);
    expect(() => assertUslCoefficients({ sigma: 0, kappa: 0, lambda: 0 })).toThrow(/λ/);
    expect(() => uslThroughput({ sigma: 0, kappa: 0, lambda: 1 }, -1)).toThrow(UslError);
    expect(() => uslThroughput({ sigma: Number.NaN, kappa: 0, lambda: 1 }, 1)).toThrow(UslError);
  });
});

describe('uslResponseTimeSeconds (Little’s law)', () => {
  it('is N/X(N), minus the think time', () => {
    const model = { sigma: 0.06, kappa: 0.06, lambda: 40 };
    expect(uslResponseTimeSeconds(model, 1)).toBeCloseTo(0.025, 15);
    for (const n of [2, 5, 17.5]) expect(uslResponseTimeSeconds(model, n)).toBeCloseTo(n / uslThroughput(model, n), 14);
    // A closed system of N users thinking Z between requests: N = X·(R + Z).
    expect(uslResponseTimeSeconds(model, 5, 0.05)).toBeCloseTo(5 / uslThroughput(model, 5) - 0.05, 14);
  });

  it('rejects N = 0, a negative think time, and one longer than the cycle time', () => {
    const model = { sigma: 0.06, kappa: 0.06, lambda: 40 };
    expect(() => uslResponseTimeSeconds(model, 0)).toThrow(/N > 0/);
    expect(() => uslResponseTimeSeconds(model, 2, -1)).toThrow(/think time/);
    expect(() => uslResponseTimeSeconds(model, 1, 1)).toThrow(/exceeds the modelled cycle time/);
  });
});
