import { describe, expect, it } from 'vitest';
import { buildBackupTimeline, latestRunEndingBy, runEnd, retainedRunWindow } from './backup-timeline.js';
import type { BackupJob } from './dr-plan.js';

const weekly = (weekdays: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[], hours: number[], durationSeconds: number, successProbability = 1): BackupJob => ({ schedule: { kind: 'weekly', weekdays, hours }, durationSeconds, throughputGiBPerHour: null, successProbability });

describe('buildBackupTimeline', () => {
  it('lays out a weekly full and daily differentials with pgBackRest chain parents', () => {
    const timeline = buildBackupTimeline({ full: weekly(['sun'], [1], 7200), differential: weekly(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], [1], 600), incremental: null }, 1000, 0.05);
    expect(timeline.cycleSeconds).toBe(7 * 86_400);
    expect(timeline.kinds).toEqual(['differential', 'differential', 'differential', 'differential', 'differential', 'differential', 'full']);
    // Monday's differential depends on the previous Sunday's full: 1 run back.
    expect(Array.from(timeline.parentBack)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    // A differential d days after the full reads S·(1 − (1 − q)^d).
    expect(timeline.dataGiB[0]).toBeCloseTo(1000 * (1 - 0.95), 6);
    expect(timeline.dataGiB[5]).toBeCloseTo(1000 * (1 - 0.95 ** 6), 6);
    expect(timeline.chainGiB[6]).toBe(0);
  });

  it('skips a run that would start while another backup is still running', () => {
    const timeline = buildBackupTimeline({ full: { schedule: { kind: 'every', everySeconds: 86_400, startHour: 0 }, durationSeconds: 5 * 3600, throughputGiBPerHour: null, successProbability: 1 }, differential: null, incremental: { schedule: { kind: 'every', everySeconds: 4 * 3600, startHour: 0 }, durationSeconds: 600, throughputGiBPerHour: null, successProbability: 1 } }, 100, 0.1);
    expect(timeline.kinds).toEqual(['full', 'incremental', 'incremental', 'incremental', 'incremental']);
    expect(timeline.skippedRuns).toBe(1);
    expect(Array.from(timeline.parentBack)).toEqual([0, 1, 1, 1, 1]);
  });

  it('finds the newest run that has ended, across cycles', () => {
    const timeline = buildBackupTimeline({ full: weekly(['sun'], [23], 4 * 3600), differential: null, incremental: null }, 100, 0.05);
    const end = runEnd(timeline, 0);
    expect(end).toBe(6 * 86_400 + 23 * 3600 + 4 * 3600);
    expect(latestRunEndingBy(timeline, end)).toBe(0);
    expect(latestRunEndingBy(timeline, end - 1)).toBe(-1);
    expect(latestRunEndingBy(timeline, end + 7 * 86_400)).toBe(1);
    expect(retainedRunWindow(timeline, { kind: 'count', full: 4, differential: null })).toBe(5);
  });
});
