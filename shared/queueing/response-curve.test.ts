import { describe, expect, it } from 'vitest';
import { kneeUtilization, mmcResponseCurve } from './response-curve.js';
import { QueueingError } from './queueing-error.js';

describe('M/M/c response curve and knee', () => {
  it('puts the M/M/1 knee where S/(1 − ρ) = k·S, i.e. ρ = 1 − 1/k', () => {
    expect(kneeUtilization(1)).toBeCloseTo(0.5, 11);
    expect(kneeUtilization(1, 4)).toBeCloseTo(0.75, 11);
    const curve = mmcResponseCurve({ servers: 1, serviceTimeSeconds: 0.01 });
    expect(curve.knee.utilization).toBeCloseTo(0.5, 11);
    expect(curve.knee.meanResponseSeconds).toBeCloseTo(0.02, 12);
    expect(curve.knee.arrivalRatePerSecond).toBeCloseTo(50, 8);
    expect(curve.knee.responseFactor).toBe(2);
  });

  it('moves the knee towards full utilisation as servers are pooled', () => {
    const knees = [1, 2, 4, 16, 64, 256, 1024].map((c) => kneeUtilization(c));
    for (let i = 1; i < knees.length; i++) expect(knees[i]!).toBeGreaterThan(knees[i - 1]!);
    expect(knees.at(-1)!).toBeGreaterThan(0.99);
    expect(knees.at(-1)!).toBeLessThan(1);
  });

  it('is evenly spaced in utilisation, rising, and anchored at R = S for no load', () => {
    const curve = mmcResponseCurve({ servers: 8, serviceTimeSeconds: 0.005, pointCount: 11, maxUtilization: 0.95 });
    expect(curve.points).toHaveLength(11);
    expect(curve.points[0]).toMatchObject({ utilization: 0, arrivalRatePerSecond: 0, pWait: 0, meanResponseSeconds: 0.005 });
    expect(curve.points.at(-1)!.utilization).toBeCloseTo(0.95, 12);
    expect(curve.points.at(-1)!.arrivalRatePerSecond).toBeCloseTo((0.95 * 8) / 0.005, 8);
    for (let i = 1; i < curve.points.length; i++) expect(curve.points[i]!.meanResponseSeconds).toBeGreaterThan(curve.points[i - 1]!.meanResponseSeconds);
    expect(curve.knee.meanResponseSeconds).toBeCloseTo(0.01, 10);
  });

  it('rejects ranges and factors that make no curve', () => {
    expect(() => mmcResponseCurve({ servers: 2, serviceTimeSeconds: 1, maxUtilization: 1 })).toThrow(QueueingError);
    expect(() => mmcResponseCurve({ servers: 2, serviceTimeSeconds: 1, pointCount: 1 })).toThrow(/point count/);
    expect(() => kneeUtilization(2, 1)).toThrow(/knee response factor/);
    expect(() => mmcResponseCurve({ servers: 2, serviceTimeSeconds: -1 })).toThrow(/service time/);
  });
});
