import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadTestPoints } from './load-test-points.js';
import { fitUsl } from './fit-usl.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

const refdata = (name: string) => readFileSync(refdataUrl(`${name}`), 'utf8');

describe('loadTestPoints', () => {
  it('reads the refdata files as they are (comment line, free header names)', () => {
    const spec = loadTestPoints(refdata('usl_specsdm91.csv'));
    expect(spec.ok).toBe(true);
    if (!spec.ok) return;
    expect(spec.value).toMatchObject({ concurrencyLabel: 'load', throughputLabel: 'throughput', delimiter: ',', warnings: [] });
    expect(spec.value.points).toHaveLength(7);
    expect(spec.value.points[1]).toEqual({ concurrency: 18, throughput: 995.9 });
    expect(spec.value.lines[0]).toBe(3);
    // And it feeds the fit directly (R usl: σ = 0.0277285).
    expect(fitUsl(spec.value.points).sigma).toBeCloseTo(0.0277285, 6);
    const unit = loadTestPoints(refdata('usl_synthetic_unit.csv'));
    expect(unit.ok && unit.value.throughputLabel).toBe('tput');
  });

  it('detects semicolons and tabs, accepts decimal commas there, quotes, CRLF, BOM and no header', () => {
    const semicolon = loadTestPoints('\uFEFFNodes;QPS;p99 ms\r\n1;1000,5;12\r\n2;1900;13\r\n4;3500,25;15\r\n');
    expect(semicolon.ok && semicolon.value.points).toEqual([{ concurrency: 1, throughput: 1000.5 }, { concurrency: 2, throughput: 1900 }, { concurrency: 4, throughput: 3500.25 }]);
    expect(semicolon.ok && semicolon.value.delimiter).toBe(';');
    const tabs = loadTestPoints('# run 2024-05-01\n"threads"\t"ops/s"\n8\t800\n\n16\t1500\n# a comment between rows\n32\t2600\n');
    expect(tabs.ok && tabs.value).toMatchObject({ delimiter: '\t', concurrencyLabel: 'threads', throughputLabel: 'ops/s', lines: [3, 5, 7] });
    const bare = loadTestPoints('1,10\n2,19\n3,27\n4,1e1\n');
    expect(bare.ok && bare.value).toMatchObject({ concurrencyLabel: 'concurrency', throughputLabel: 'throughput' });
    expect(bare.ok && bare.value.points[3]).toEqual({ concurrency: 4, throughput: 10 });
  });

  it('names line, column and field of a bad cell, and how to fix it', () => {
    const text = 'users,tps\n1,100\n2,190\n# warm-up excluded\n\n4,350\n8,abc\n16,900\n';
    const result = loadTestPoints(text);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ line: 7, column: 2, field: 'tps' }) });
    expect(result.ok ? '' : result.error.message).toMatch(/^line 7, column 2 \(tps\): 'abc' is not a number — write a plain decimal/);
    const units = loadTestPoints('n,x\n1,100\n2 users,190\n4,350\n');
    expect(units.ok ? '' : units.error.message).toMatch(/^line 3, column 1 \(n\): '2 users' is not a number/);
    const empty = loadTestPoints('n,x\n1,100\n2,\n4,350\n');
    expect(empty.ok ? '' : empty.error.message).toMatch(/line 3, column 2 \(x\): the cell is empty/);
  });

  it('rejects rows that cannot be a measurement', () => {
    const missing = loadTestPoints('n,x\n1,100\n2\n4,350\n');
    expect(missing.ok ? '' : missing.error.message).toMatch(/^line 3: expected 2 columns \(n, x\) separated by ','/);
    const zero = loadTestPoints('n,x\n0,100\n2,190\n4,350\n');
    expect(zero.ok ? undefined : zero.error).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/greater than 0/) });
    const negative = loadTestPoints('n,x\n1,100\n2,-190\n4,350\n');
    expect(negative.ok ? undefined : negative.error).toMatchObject({ line: 3, column: 2, message: expect.stringMatching(/cannot be negative/) });
    // A decimal comma in a comma-separated file would otherwise read "1234,5" as 1234 plus a stray column.
    const decimalComma = loadTestPoints('n,x\n1,1000\n2,1234,5\n4,3500\n');
    expect(decimalComma.ok ? '' : decimalComma.error.message).toMatch(/^line 3: 3 columns where line 1 has 2 — if a value has a decimal comma/);
  });

  it('requires 3 distinct load levels and warns below 4 points', () => {
    const two = loadTestPoints('n,x\n1,100\n2,190\n2,185\n');
    expect(two.ok ? undefined : two.error).toMatchObject({ line: undefined, message: expect.stringMatching(/at least 3 distinct load levels/) });
    expect(loadTestPoints('# nothing\n\n').ok).toBe(false);
    const three = loadTestPoints('n,x\n1,100\n2,190\n4,350\n');
    expect(three.ok && three.value.warnings.join(' ')).toMatch(/no confidence intervals/);
    const zeros = loadTestPoints('n,x\n1,0\n2,0\n4,0\n');
    expect(zeros.ok ? '' : zeros.error.message).toMatch(/every x value is 0/);
  });

  it('round-trips any valid table in any delimiter (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 3, maxLength: 30 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        (levels, delimiter, header) => {
          const points = levels.map((n, i) => ({ concurrency: n, throughput: Math.round(n * 97.3 + i) / 10 }));
          const text = (header ? `N${delimiter}X\n` : '') + points.map((p) => `${p.concurrency}${delimiter}${p.throughput}`).join('\n');
          const result = loadTestPoints(text);
          expect(result.ok && result.value.points).toEqual(points);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
