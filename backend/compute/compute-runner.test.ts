import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AIR_PASSENGERS } from '../../shared/forecast/reference-series.fixture.js';
import { ComputeRunner } from './compute-runner.js';

const builtWorker = fileURLToPath(new URL('../../out/compute-worker.mjs', import.meta.url));
const times = Float64Array.from(AIR_PASSENGERS.map((_, i) => Date.UTC(1949, i, 1)));
const values = Float64Array.from(AIR_PASSENGERS);

describe('ComputeRunner', () => {
  it('runs inline without a built worker, and turns "does not apply" into bad-input', async () => {
    const runner = new ComputeRunner();
    const result = await runner.run({ kind: 'forecast', times, values, options: { horizon: { kind: 'steps', steps: 3 }, model: 'snaive' } });
    expect(result.forecast.mean).toEqual(AIR_PASSENGERS.slice(-12, -9));
    await expect(runner.run({ kind: 'forecast', times: times.subarray(0, 2), values: values.subarray(0, 2), options: { horizon: { kind: 'steps', steps: 3 } } })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it.skipIf(!existsSync(builtWorker))('runs in the built worker thread, reports progress, and cancels', async () => {
    const runner = new ComputeRunner(builtWorker);
    expect(runner.usesWorkerThreads).toBe(true);
    const phases: string[] = [];
    const result = await runner.run({ kind: 'forecast', times, values, options: { horizon: { kind: 'steps', steps: 12 }, model: 'theta' } }, undefined, (phase) => phases.push(phase));
    expect(result.modelId).toBe('theta');
    expect(phases).toContain('forecasting');
    const controller = new AbortController();
    const slow = runner.run({ kind: 'forecast', times, values, options: { horizon: { kind: 'steps', steps: 12 } } }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(slow).rejects.toMatchObject({ code: 'cancelled' });
    // The next task gets a fresh worker.
    const after = await runner.run({ kind: 'forecast', times, values, options: { horizon: { kind: 'steps', steps: 2 }, model: 'drift' } });
    expect(after.forecast.mean).toHaveLength(2);
    await runner.close();
  });
});
