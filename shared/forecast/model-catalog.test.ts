import { describe, expect, it } from 'vitest';
import { autoCandidates, isModelChoiceName, MODEL_DESCRIPTIONS, MODEL_NAMES, modelByName } from './model-catalog.js';
import { AIR_PASSENGERS } from './reference-series.fixture.js';

describe('the model catalog', () => {
  it('fits and forecasts with every model a user can name', () => {
    for (const name of MODEL_NAMES) {
      const fit = modelByName(name, { percent: false }).fit(AIR_PASSENGERS, { periods: [12], seed: 1 });
      const f = fit.forecast(6);
      expect(f.mean, name).toHaveLength(6);
      f.mean.forEach((m, i) => expect((f.lo95[i] as number) <= m && m <= (f.hi95[i] as number), name).toBe(true));
      expect(MODEL_DESCRIPTIONS[name].length).toBeGreaterThan(10);
    }
  });

  it('adds MSTL for several or long periods, and a logistic curve for percentages', () => {
    expect(autoCandidates([12], { percent: false }).map((m) => m.id)).not.toContain('mstl-ets');
    expect(autoCandidates([24, 168], { percent: true }).map((m) => m.id)).toEqual(expect.arrayContaining(['mstl-ets', 'seasonal-naive', 'theta']));
    expect(autoCandidates([24, 168], { percent: true }).some((m) => m.label.startsWith('Logistic'))).toBe(true);
    expect(autoCandidates([24, 168], { percent: false }).map((m) => m.id)).not.toContain('ets');
    expect(autoCandidates([12], { percent: false }).map((m) => m.id)).toContain('ets');
    expect(isModelChoiceName('auto') && isModelChoiceName('mstl') && !isModelChoiceName('prophet')).toBe(true);
  });
});
