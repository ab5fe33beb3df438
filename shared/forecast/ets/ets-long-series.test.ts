import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/seeded-random.js';
import { fitEts, LONG_SERIES } from './ets-fit.js';
import { etsInitialStates } from './ets-initial-states.js';
import type { EtsSpec } from './ets-spec.js';

describe('fitEts on long series', () => {
  const random = new SeededRandom(24);
  const y = Array.from({ length: LONG_SERIES + 400 }, (_, t) => 100 + 0.01 * t + 10 * Math.sin((2 * Math.PI * t) / 24) + random.normal());
  const spec: EtsSpec = { error: 'A', trend: 'N', season: 'A', period: 24 };

  it('holds the seasonal starting states at their decomposition values beyond LONG_SERIES values', () => {
    const fit = fitEts(y, spec);
    expect(fit.initialStates.seasonal).toEqual(etsInitialStates(y, spec).seasonal);
    // The held states were estimated from the data too: the AICc counts them as forecast::ets would.
    expect(fit.parameterCount).toBe(fitEts(y.slice(0, 500), spec).parameterCount);
  });

  it('optimises them on request, as forecast::ets does — here to no better likelihood', () => {
    const held = fitEts(y, spec);
    const optimised = fitEts(y, spec, { seasonalStates: 'optimised' });
    expect(optimised.initialStates.seasonal).not.toEqual(held.initialStates.seasonal);
    expect(optimised.evaluations).toBeGreaterThan(held.evaluations);
    // A simplex over 25 coordinates stops short on a long series: holding the states loses nothing.
    expect(held.logLikelihood).toBeGreaterThan(optimised.logLikelihood - 1);
  });
});
