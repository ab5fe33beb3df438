import { describe, expect, it } from 'vitest';
import { ForecastError, type ForecastModel } from './forecast-model.js';
import { chooseModel } from './choose-model.js';
import { backtest } from './backtest.js';
import { linearTrendModel } from './linear-trend.js';
import { logLinearGrowthModel } from './log-linear-growth.js';
import { logisticGrowthModel } from './logistic-growth.js';
import { driftModel } from './drift.js';
import { createSeasonalNaiveModel, seasonalNaiveModel } from './seasonal-naive.js';
import { thetaModel } from './theta.js';
import { createMstlModel } from './mstl.js';
import { createCombinationModel } from './combination.js';
import { AIR_PASSENGERS } from './reference-series.fixture.js';
import { SeededRandom } from '../random/seeded-random.js';

const candidates = [linearTrendModel, driftModel, seasonalNaiveModel, thetaModel];

describe('automatic model choice', () => {
  it('picks the linear trend for a noisy straight line, and says why', () => {
    const random = new SeededRandom(1);
    const y = Array.from({ length: 80 }, (_, t) => 20 + 1.5 * t + 2 * random.normal());
    const choice = chooseModel(y, candidates, { h: 8, periods: [] });
    expect(choice.model.id).toBe('linear-trend');
    expect(choice.reason).toMatch(/^Linear trend chosen: MASE \d+\.\d\d vs .*Drift \d+\.\d\d.* over 5 origins of 8 steps/);
    expect(choice.fit.forecast(3).mean).toHaveLength(3);
    expect(choice.candidates.filter((c) => c.status === 'scored')).toHaveLength(4);
  });

  it('picks a seasonal model for strong seasonality', () => {
    const random = new SeededRandom(2);
    const y = Array.from({ length: 120 }, (_, t) => 300 + 60 * Math.sin((2 * Math.PI * t) / 12) + 25 * Math.cos((4 * Math.PI * t) / 12) + 3 * random.normal());
    const choice = chooseModel(y, [linearTrendModel, driftModel, seasonalNaiveModel, thetaModel], { h: 12, periods: [12] });
    const seasonalIds = ['seasonal-naive', 'theta', 'combination(seasonal-naive+theta)', 'combination(theta+seasonal-naive)'];
    expect(seasonalIds).toContain(choice.model.id);
    // MASE is scaled by in-sample seasonal naive, so a stable season scores about 1 at best
    // with noise; a trend line that ignores the season scores many times worse.
    const linear = choice.candidates.find((c) => c.id === 'linear-trend');
    expect(linear?.status === 'scored' && linear.backtest.mase).toBeGreaterThan(5 * choice.backtest.mase);
  });

  it('skips models that do not apply and names the reason', () => {
    const y = Array.from({ length: 40 }, (_, t) => -20 + t + Math.sin(t));
    const choice = chooseModel(y, [logLinearGrowthModel, linearTrendModel, driftModel], { h: 4, periods: [] });
    const skipped = choice.candidates.find((c) => c.id === 'log-linear-growth');
    expect(skipped?.status).toBe('skipped');
    expect(choice.reason).toMatch(/skipped Compound growth \(Compound growth needs strictly positive values/);
  });

  it('keeps the combination only when it backtests better', () => {
    const random = new SeededRandom(4);
    const y = Array.from({ length: 96 }, (_, t) => 100 + 0.8 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + 4 * random.normal());
    const choice = chooseModel(y, candidates, { h: 12, periods: [12], origins: 4 });
    const scored = choice.candidates.filter((c) => c.status === 'scored');
    const bestSingle = Math.min(...scored.filter((c) => !c.id.startsWith('combination')).map((c) => (c.status === 'scored' ? c.backtest.mase : Infinity)));
    if (choice.model.id.startsWith('combination')) expect(choice.backtest.mase).toBeLessThan(bestSingle);
    else expect(choice.backtest.mase).toBe(bestSingle);
    expect(choice.reason).toMatch(/over 4 origins of 12 steps/);
  });

  it('fails with a ForecastError listing the reasons when nothing applies, and lets real bugs through', () => {
    expect(() => chooseModel([-1, -2, -3, -4, -5, -6, -7, -8, -9, -10], [logLinearGrowthModel], { h: 2, periods: [] })).toThrow(/Compound growth/);
    const broken: ForecastModel = {
      id: 'broken',
      label: 'Broken',
      fit: () => {
        throw new TypeError('bug');
      },
    };
    expect(() => chooseModel(Array.from({ length: 30 }, (_, t) => t), [broken], { h: 2, periods: [] })).toThrow(TypeError);
    expect(() => chooseModel([1, 2, 3], candidates, { h: 2, periods: [] })).toThrow(ForecastError);
  });

  it('reports the AirPassengers backtest (h = 12, 5 origins) of every model', () => {
    const models = [
      linearTrendModel,
      logLinearGrowthModel,
      logisticGrowthModel,
      driftModel,
      seasonalNaiveModel,
      createSeasonalNaiveModel('last'),
      thetaModel,
      createMstlModel(driftModel),
      createCombinationModel([thetaModel, seasonalNaiveModel]),
    ];
    const rows = models.map((m) => backtest(m, AIR_PASSENGERS, { h: 12, periods: [12] }));
    console.info(
      ['AirPassengers backtest, h = 12, origins after 84/96/108/120/132 months:', ...rows.map((r) => `  ${r.label.padEnd(34)} MASE ${r.mase.toFixed(3)}  sMAPE ${r.smape.toFixed(2)}  cover80 ${r.coverage80.toFixed(2)}  cover95 ${r.coverage95.toFixed(2)}`)].join('\n'),
    );
    const mase = Object.fromEntries(rows.map((r) => [r.modelId, r.mase]));
    // Seasonal methods beat trend-only ones on this strongly seasonal series.
    expect(mase['theta']!).toBeLessThan(mase['linear-trend']!);
    expect(mase['seasonal-naive']!).toBeLessThan(mase['drift']!);
    const choice = chooseModel(AIR_PASSENGERS, models, { h: 12, periods: [12] });
    console.info(choice.reason);
    expect(choice.reason).toMatch(/chosen: MASE/);
  });
});
