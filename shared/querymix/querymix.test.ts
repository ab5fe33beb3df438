import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyStatement } from './classify-statement.js';
import { statementIntervals } from './statement-intervals.js';

describe('classifyStatement', () => {
  it('tells reads from writes, including the cases that fool a first-keyword check', () => {
    expect(classifyStatement('SELECT * FROM orders WHERE id = $1')).toBe('read');
    expect(classifyStatement('  /* app:checkout */ select 1')).toBe('read');
    expect(classifyStatement('(SELECT 1) UNION (SELECT 2)')).toBe('read');
    expect(classifyStatement('WITH recent AS (SELECT * FROM orders) SELECT count(*) FROM recent')).toBe('read');
    expect(classifyStatement('WITH moved AS (DELETE FROM queue RETURNING *) INSERT INTO done SELECT * FROM moved')).toBe('write');
    expect(classifyStatement('SELECT * FROM jobs WHERE state = $1 FOR UPDATE SKIP LOCKED')).toBe('write');
    expect(classifyStatement('INSERT INTO orders VALUES ($1, $2)')).toBe('write');
    expect(classifyStatement('UPDATE orders SET status = $1')).toBe('write');
    expect(classifyStatement('COPY orders TO STDOUT')).toBe('read');
    expect(classifyStatement('COPY orders FROM STDIN')).toBe('write');
    expect(classifyStatement('CREATE INDEX CONCURRENTLY i ON t (x)')).toBe('ddl');
    expect(classifyStatement('VACUUM ANALYZE orders')).toBe('ddl');
    expect(classifyStatement('BEGIN')).toBe('other');
    expect(classifyStatement('SET search_path = app')).toBe('other');
  });
});

describe('statementIntervals', () => {
  it('differences cumulative counters between snapshots', () => {
    const intervals = statementIntervals([
      { timeMs: 0, calls: 1200, totalTimeMs: 845.5, rows: 1200 },
      { timeMs: 300_000, calls: 1800, totalTimeMs: 1290, rows: 1800 },
    ]);
    expect(intervals).toEqual([{ startMs: 0, endMs: 300_000, calls: 600, totalTimeMs: 444.5, rows: 600, reset: false }]);
  });

  it('reads a drop as a reset and counts from zero', () => {
    const intervals = statementIntervals([
      { timeMs: 0, calls: 500, totalTimeMs: 10, rows: 5 },
      { timeMs: 60_000, calls: 40, totalTimeMs: 2, rows: 1 },
    ]);
    expect(intervals[0]).toMatchObject({ calls: 40, totalTimeMs: 2, reset: true });
  });

  it('never produces negative activity, and sums to the growth when there is no reset (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 30 }), (increments) => {
        let calls = 0;
        const samples = increments.map((inc, i) => ({ timeMs: i * 1000, calls: (calls += inc), totalTimeMs: calls * 2, rows: calls }));
        const intervals = statementIntervals(samples);
        expect(intervals.every((x) => x.calls >= 0 && x.totalTimeMs >= 0 && !x.reset)).toBe(true);
        expect(intervals.reduce((s, x) => s + x.calls, 0)).toBe(calls - (samples[0]?.calls ?? 0));
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});
