import { describe, expect, it } from 'vitest';
import { ForecastError } from '../forecast-model.js';
import { candidateSpecs, selectEts } from './ets-select.js';
import { etsLabel } from './ets-spec.js';
import { readRefdataRows } from '../../../test/helpers/refdata.js';

const refdata = readRefdataRows;

const air = refdata('airpassengers.csv').slice(1).map((row) => Number(row[2]));

describe('selectEts (forecast::ets with model = "ZZZ")', () => {
  it('chooses ETS(M,Ad,M) for AirPassengers with the AICc R prints', () => {
    // Source: ets_airpassengers_expected.csv (R forecast::ets(AirPassengers): ETS(M,Ad,M),
    // AICc 1400.638; https://pkg.robjhyndman.com/forecast/reference/ets.html).
    const expectedAicc = Number(refdata('ets_airpassengers_expected.csv').find((row) => row[0] === 'AICc')?.[1]);
    const { best, candidates } = selectEts(air, 12);
    expect(etsLabel(best.spec)).toBe('ETS(M,Ad,M)');
    expect(Math.round(best.aicc * 1000) / 1000).toBe(expectedAicc);
    expect(candidates).toHaveLength(15);
    // The runner-up is the undamped version, 3 AICc units behind.
    const sorted = [...candidates].sort((a, b) => a.aicc - b.aicc);
    expect(etsLabel(sorted[1]!.spec)).toBe('ETS(M,A,M)');
  });

  it("tries forecast's candidates in forecast's order", () => {
    const labels = candidateSpecs(air, 12).map(etsLabel);
    expect(labels).toEqual([
      'ETS(A,N,N)', 'ETS(A,N,A)', 'ETS(A,Ad,N)', 'ETS(A,A,N)', 'ETS(A,Ad,A)', 'ETS(A,A,A)',
      'ETS(M,N,N)', 'ETS(M,N,A)', 'ETS(M,N,M)', 'ETS(M,Ad,N)', 'ETS(M,A,N)', 'ETS(M,Ad,A)', 'ETS(M,A,A)', 'ETS(M,Ad,M)', 'ETS(M,A,M)',
    ]);
  });

  it('drops multiplicative models for data that are not strictly positive, and seasons without two full ones', () => {
    const withZero = [0, ...air.slice(1)];
    expect(candidateSpecs(withZero, 12).every((s) => s.error === 'A' && s.season !== 'M')).toBe(true);
    expect(candidateSpecs(air.slice(0, 23), 12).every((s) => s.season === 'N')).toBe(true);
    expect(candidateSpecs(air.slice(0, 24), 12).some((s) => s.season === 'M')).toBe(true);
    expect(candidateSpecs(air, 1).map(etsLabel)).toEqual(['ETS(A,N,N)', 'ETS(A,Ad,N)', 'ETS(A,A,N)', 'ETS(M,N,N)', 'ETS(M,Ad,N)', 'ETS(M,A,N)']);
  });

  it('skips models too large for short series and still answers', () => {
    // Eight quarterly values: ETS(M,Ad,M) would need 10 parameters; SES needs 3.
    const { best, candidates } = selectEts(air.slice(0, 8), 4);
    expect(candidates.some((c) => c.skipped !== undefined)).toBe(true);
    expect(Number.isFinite(best.aicc)).toBe(true);
  });

  it('answers a constant series as forecast does: SES with α ≈ 1 and no variance', () => {
    const { best } = selectEts(new Array<number>(40).fill(7), 12);
    expect(etsLabel(best.spec)).toBe('ETS(A,N,N)');
    expect(best.sigma2).toBe(0);
    expect(best.finalStates.level).toBe(7);
  });

  it('refuses empty, non-finite or too short input, and bad periods, with a ForecastError', () => {
    expect(() => selectEts([], 1)).toThrow(ForecastError);
    expect(() => selectEts([1, 2, Number.POSITIVE_INFINITY, 4, 5, 6], 1)).toThrow(ForecastError);
    expect(() => selectEts([1, 2, 4, 3], 1)).toThrow(/No ETS model/);
    expect(() => selectEts(air, 0)).toThrow(ForecastError);
    expect(() => selectEts(air, 2.5)).toThrow(ForecastError);
  });
});
