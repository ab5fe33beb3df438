import { describe, expect, it } from 'vitest';
import { analyzeMmc } from '../../../shared/queueing/erlang-c.js';
import { formatCoefficient, formatMs, queueSentence, timelineSentence } from './scalability-format.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('scalability wording', () => {
  it('formats coefficients and milliseconds without exponents or NaN', () => {
    expect(formatCoefficient(0.0003988879739)).toBe('0.000399');
    expect(formatCoefficient(0.0320899)).toBe('0.0321');
    expect(formatCoefficient(924.3)).toBe('924');
    expect(formatCoefficient(Number.NaN)).toBe('—');
    expect(formatMs(0.00058224)).toBe('0.582 ms');
    expect(formatMs(Infinity)).toBe('—');
  });

  it('says when forecast peak load reaches the share of X_max, or that it does not', () => {
    const base = { fraction: 0.8, limit: 10_416, currentPeak: 7997, forecastTimes: [day('2026-11-01'), day('2028-10-31')] };
    expect(timelineSentence({ ...base, runwayMs: { p10: day('2027-03-15'), p50: day('2027-09-01'), p90: null } }, 'QPS')).toBe(
      'Forecast peak load reaches 80 % of X_max (10,416 QPS) around 2027-09-01 (P10 2027-03-15, P90 beyond the horizon).',
    );
    expect(timelineSentence({ ...base, runwayMs: { p10: null, p50: null, p90: null } }, 'QPS')).toBe('Forecast peak load does not reach 80 % of X_max (10,416 QPS) within the horizon (to 2028-10-31).');
    expect(timelineSentence({ ...base, currentPeak: 11_000, runwayMs: { p10: 0, p50: 0, p90: 0 } }, 'QPS')).toMatch(/^Today's peak load \(11,000 QPS\) already exceeds 80 %/);
  });

  it('compares the CPU queue now and at the forecast peak, and says when it would not keep up', () => {
    const queue = (rate: number) => analyzeMmc({ servers: 8, arrivalRatePerSecond: rate, serviceTimeSeconds: 0.00055096 });
    const now = queue(9102);
    const future = { atMs: day('2027-04-26'), arrivalP50: 10_141, arrivalP90: 11_458, p50: queue(10_141), p90: queue(11_458) };
    expect(queueSentence({ now, future })).toBe('At the forecast peak in 6 months (around 2027-04-26), mean response grows from 0.582 ms to 0.612 ms (P90 load: 0.693 ms).');
    expect(queueSentence({ now, future: { ...future, p90: queue(16_000) } })).toMatch(/\(P90 load: the CPU queue would not keep up \(utilisation 110 % on 8 cores\): it needs at least 9 cores\)\.$/);
    expect(queueSentence({ now: queue(20_000), future: null })).toMatch(/^At today's busy hour the CPU queue would not keep up/);
    expect(queueSentence({ now, future: null })).toMatch(/^Mean response at today's busy hour is 0.582 ms;/);
  });
});
