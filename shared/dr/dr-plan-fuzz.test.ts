import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DrPlanError, parseDrPlan } from './dr-plan-schema.js';
import { EXAMPLE_DR_PLAN } from './example-plan.js';
import { backupOnlyInput } from './dr-test-plans.fixture.js';
import { simulateDr } from './simulate-dr.js';
import type { DrPlan } from './dr-plan.js';

/**
 * Issue #9, hostile inputs: the DR plan loader (parseDrPlan = schema + normalisation, what
 * `headroom dr --plan`, the compute worker and the report use) takes anything — mutations of
 * the example plan and random JSON — and either returns a plan the engine simulates to finite
 * figures (or null, the engine's explicit "no recovery"), or throws a DrPlanError whose every
 * issue names the field path (`plan.backups.full.every: …`) and what to write instead.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values that break naive code: wrong types, signs, magnitudes, non-finite numbers, odd strings. */
const HOSTILE_VALUES: readonly unknown[] = [
  null, undefined, true, 0, -0, -1, -1e-300, 0.5, 1e300, -1e300, 1e308, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2, '', ' ', 'NaN', 'Infinity', '-1', '1e400', '9'.repeat(400), '999999999999d', '1h-30m', '0s', '7d', 'weekly', 'x'.repeat(5000),
  [], [null], [[[]]], {}, { min: 1 }, { min: 3, likely: 2, max: 1 }, { p50: 0, p99: 0 }, { p50: 1, p99: 1e300 }, { p50: 1e-300, p99: 1e-299 }, { min: 0, likely: 0, max: 0 },
  { min: 1e300, likely: 1e300, max: 1e300 }, { kind: 'count', full: 0 }, { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'),
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', 'unknownField', 'ful', '$schema'];

/** A deep copy of plain JSON data, keeping own `__proto__` keys as data. */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, clone((value as Record<string, unknown>)[key]));
  return out;
}

/** Sets an own property, even one named `__proto__` (as JSON.parse does), instead of changing the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One edit: [kind, node index in a depth-first walk, argument]. */
type Edit = readonly [number, number, number];

/** Applies edits: replace a node with a hostile value, delete it, add an unknown or prototype-polluting key, swap types, negate or scale a number. */
function mutatePlan(plan: unknown, edits: readonly Edit[]): unknown {
  let root = clone(plan);
  for (const [kind, position, argument] of edits) {
    const slots: { parent: unknown[] | Record<string, unknown>; key: string | number }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => {
          slots.push({ parent: node, key: i });
          walk(child);
        });
      } else if (node !== null && typeof node === 'object') {
        for (const key of Object.keys(node)) {
          slots.push({ parent: node as Record<string, unknown>, key });
          walk((node as Record<string, unknown>)[key]);
        }
      }
    };
    walk(root);
    const slot = slots[position % Math.max(1, slots.length)];
    if (slot === undefined) {
      root = HOSTILE_VALUES[argument % HOSTILE_VALUES.length];
      continue;
    }
    const { parent, key } = slot;
    const current = Array.isArray(parent) ? parent[key as number] : parent[key as string];
    const set = (value: unknown): void => {
      if (Array.isArray(parent)) parent[key as number] = value;
      else define(parent, key as string, value);
    };
    switch (kind % 7) {
      case 0:
        set(clone(HOSTILE_VALUES[argument % HOSTILE_VALUES.length]));
        break;
      case 1:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else Reflect.deleteProperty(parent, key);
        break;
      case 2: {
        // An unknown or prototype-polluting key next to this one (objects), or a duplicate element (arrays).
        if (Array.isArray(parent)) parent.splice(key as number, 0, clone(current));
        else define(parent, HOSTILE_KEYS[argument % HOSTILE_KEYS.length] ?? 'x', clone(HOSTILE_VALUES[(argument >> 4) % HOSTILE_VALUES.length]));
        break;
      }
      case 3:
        // Type swap: a number as text, text as a number, an object as a list.
        set(typeof current === 'number' ? String(current) : typeof current === 'string' ? Number(current) : Array.isArray(current) ? { ...current } : current !== null && typeof current === 'object' ? Object.values(current) : [current]);
        break;
      case 4:
        set(typeof current === 'number' ? -current : current);
        break;
      case 5:
        set(typeof current === 'number' ? current * [1e6, 1e300, 1e-300, 0, 1 / 3][argument % 5]! : current);
        break;
      default:
        if (!Array.isArray(parent)) {
          // Rename the key (a typo, or a key meant for a different object).
          Reflect.deleteProperty(parent, key);
          define(parent, HOSTILE_KEYS[argument % HOSTILE_KEYS.length] ?? 'x', current);
        }
    }
  }
  return root;
}

/** A short, fast plan per case: horizon and trials small, so hundreds of simulations fit in seconds. */
function shortened(plan: unknown): unknown {
  if (plan !== null && typeof plan === 'object' && !Array.isArray(plan) && typeof (plan as Record<string, unknown>)['horizonMonths'] === 'number') {
    const copy = clone(plan) as Record<string, unknown>;
    copy['horizonMonths'] = Math.min(2, copy['horizonMonths'] as number);
    return copy;
  }
  return plan;
}

/** Every number in a result, with its path. */
function numbersIn(value: unknown, path = 'result', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

/** `plan`, then `.key`, `[index]` or `["odd key"]` steps, then `: ` and the message. */
const ISSUE = /^plan(?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*: \S/;

/**
 * The promise, for one input: a DrPlanError with located, actionable issues, or a plan that
 * simulates to finite numbers. Returns what broke it, or undefined.
 */
function brokenPromise(input: unknown, trials = 64): string | undefined {
  let plan: DrPlan;
  try {
    plan = parseDrPlan(input);
  } catch (error) {
    if (!(error instanceof DrPlanError)) return `parseDrPlan threw ${String(error)}\n${(error as Error).stack ?? ''}`;
    if (error.issues.length === 0) return 'a DrPlanError without issues';
    for (const issue of error.issues) {
      if (!ISSUE.test(issue)) return `an issue that does not start with the field path: ${issue}`;
      const message = issue.slice(issue.indexOf(': ') + 2);
      // Zod's generic defaults ("Invalid input", "Too small: expected number to be >=0") say neither what the field holds nor what to write.
      if (/^(Invalid input|Invalid option|Too (small|big)|Invalid string|Invalid element)/.test(message)) return `a generic message: ${issue}`;
      // What follows "got" echoes the input; anything before it is ours and must not leak a non-value.
      if (/\bNaN\b|\bundefined\b|\[object /.test(message.split(/\bgot /)[0] ?? '')) return `a message leaking a non-value: ${issue}`;
    }
    return undefined;
  }
  let result: ReturnType<typeof simulateDr>;
  try {
    result = simulateDr(plan, { trials, seed: 7 });
  } catch (error) {
    return `a plan that parsed but does not simulate: ${String(error)}\n${(error as Error).stack ?? ''}`;
  }
  simulated++;
  const bad = numbersIn(result).find(([, n]) => !Number.isFinite(n));
  if (bad !== undefined) return `${bad[0]} = ${bad[1]}`;
  for (const s of result.scenarios) {
    for (const figures of [s.rpoSeconds, s.rtoSeconds]) {
      const { p50, p95, p99, worst } = figures;
      if (p50 !== null && p95 !== null && p99 !== null && !(p50 <= p95 && p95 <= p99)) return `${s.id}: percentiles out of order ${p50} ${p95} ${p99}`;
      if (p99 !== null && worst !== null && !(p99 <= worst * (1 + 1e-9))) return `${s.id}: p99 ${p99} above worst ${worst}`;
    }
    for (const p of [s.pMeetRpo, s.pMeetRto, s.pMeetBoth, s.pUnrecoverable]) if (!(p >= 0 && p <= 1)) return `${s.id}: probability ${p}`;
  }
  return undefined;
}

function check(input: unknown, trials?: number): void {
  const pollutedBefore = Object.keys(Object.prototype).length;
  const broken = brokenPromise(input, trials);
  expect(Object.keys(Object.prototype).length, 'Object.prototype gained keys').toBe(pollutedBefore);
  expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype polluted').toBeUndefined();
  if (broken !== undefined) throw new Error(`${broken}\ninput: ${JSON.stringify(input)?.slice(0, 1500)}`);
}

/** Numbers at the edges of what the schema accepts: the engine must stay finite on all of them. */
const EDGE_NUMBERS = [0, 1e-9, 1e-6, 0.999999, 1, 1e12, 999_999_999_999, 3650 * 86_400, 23.99, 120];

const SCALES = [1e-9, 1e-6, 1e-3, 1e3, 1e6, 1e9, 1e12];

/**
 * Sets numeric leaves (picked by index) to edge values, or (odd picks) scales every number
 * beside the leaf by a power of ten — which keeps a {min, likely, max} or {p50, p99} valid.
 */
function edgeNumbers(plan: unknown, picks: readonly [number, number][]): unknown {
  const root = clone(plan);
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === 'number' || (typeof child === 'string' && /^\d/.test(child))) leaves.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      else walk(child);
    }
  };
  walk(root);
  for (const [leaf, value] of picks) {
    const slot = leaves[leaf % Math.max(1, leaves.length)];
    if (slot === undefined) continue;
    if (value % 2 === 1 && !Array.isArray(slot.parent)) {
      const parent = slot.parent;
      const factor = SCALES[(value >> 1) % SCALES.length] ?? 1;
      for (const [key, child] of Object.entries(parent)) if (typeof child === 'number') parent[key] = child * factor;
      continue;
    }
    const edge = EDGE_NUMBERS[(value >> 1) % EDGE_NUMBERS.length];
    if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = edge;
    else slot.parent[slot.key as string] = edge;
  }
  return root;
}

let simulated = 0;

const edits = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 });
const BASES = [EXAMPLE_DR_PLAN, backupOnlyInput(), backupOnlyInput({ archiving: true, kind: 'logical-corruption' })];

describe('DR plan loader under hostile input (issue #9)', () => {
  it('the example plan itself loads and simulates to finite figures', () => {
    check(shortened(EXAMPLE_DR_PLAN));
  });

  it('mutated plans (deleted fields, type swaps, negative/NaN/huge numbers, unknown and prototype keys), passed as objects', () => {
    fc.assert(
      fc.property(fc.nat(), edits, (base, edit) => {
        check(shortened(mutatePlan(BASES[base % BASES.length], edit)));
      }),
      { seed: 0xd12, numRuns: 400 },
    );
  });

  it('mutated plans read as JSON text, as `headroom dr --plan` reads them', () => {
    fc.assert(
      fc.property(fc.nat(), edits, (base, edit) => {
        const text = JSON.stringify(shortened(mutatePlan(BASES[base % BASES.length], edit)));
        if (text === undefined) return;
        check(JSON.parse(text) as Json);
      }),
      { seed: 0xd13, numRuns: 300 },
    );
  });

  it('random JSON of any shape', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => check(value)), { seed: 0xd14, numRuns: 300 });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(EXAMPLE_DR_PLAN), ...HOSTILE_KEYS), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 12 }), (value) => check(value)),
      { seed: 0xd15, numRuns: 300 },
    );
  });

  it('valid plans with numbers at the edges of the accepted ranges simulate to finite figures', () => {
    const before = simulated;
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (base, picks) => {
        check(shortened(edgeNumbers(BASES[base % BASES.length], picks)));
      }),
      { seed: 0xd16, numRuns: 500 },
    );
    // Most edits make a plan invalid; enough must stay valid for the engine half of the promise to be tested.
    expect(simulated - before).toBeGreaterThan(100);
  });

  it('prototype keys are data, never inherited: __proto__ and constructor do not pollute or pass as fields', () => {
    const input = JSON.parse(JSON.stringify(EXAMPLE_DR_PLAN).replace('"backups":{', '"backups":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},')) as Json;
    let issues: readonly string[] = [];
    try {
      parseDrPlan(input);
    } catch (error) {
      if (!(error instanceof DrPlanError)) throw error;
      issues = error.issues;
    }
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(/^plan\.backups\.__proto__: unknown field/), expect.stringMatching(/^plan\.backups\.constructor: unknown field/)]));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  describe('what fuzzing found (each was a NaN, an Infinity, a crash or a hang before)', () => {
    function issuesOf(input: unknown): readonly string[] {
      try {
        parseDrPlan(input);
        return [];
      } catch (error) {
        if (error instanceof DrPlanError) return error.issues;
        throw error;
      }
    }
    const withChange = (change: (plan: Record<string, Record<string, unknown>>) => void): Record<string, unknown> => {
      const plan = clone(backupOnlyInput({ archiving: true })) as Record<string, Record<string, unknown>>;
      change(plan);
      return plan;
    };

    it('absurd magnitudes are refused with the field and the accepted range', () => {
      expect(issuesOf(withChange((p) => (p['backups']!['storagePricePerGiBMonth'] = 1e308)))).toEqual(['plan.backups.storagePricePerGiBMonth: expected a price per GiB-month of at most 1e12']);
      expect(issuesOf(withChange((p) => (p['restore']!['logFetchGiBPerHour'] = { p50: 1, p99: 1e300 })))).toEqual([
        'plan.restore.logFetchGiBPerHour.p99: expected a positive number (1e-9 to 1e12), got 1e+300',
      ]);
      expect(issuesOf(withChange((p) => (p['restore']!['logFetchGiBPerHour'] = { p50: 1e-6, p99: 1e3 }))))
        .toEqual(['plan.restore.logFetchGiBPerHour: expected p99 at most a million times p50 (a wider spread is not a measurement), got {"p50":0.000001,"p99":1000}']);
      expect(issuesOf(withChange((p) => (p['backups']!['full'] = { every: '99999d', durationSeconds: 60 })))).toEqual([
        'plan.backups.full.every: expected a duration such as "7d" or a number of seconds, at most 10 years ("3650d"), got "99999d"',
      ]);
    });

    it('bounds without a message of their own get one in the house style, not zod\'s default', () => {
      expect(issuesOf(withChange((p) => (p['horizonMonths'] = -3 as unknown as Record<string, unknown>)))).toEqual(['plan.horizonMonths: expected a number ≥ 0, got -3']);
      expect(issuesOf(withChange((p) => (p['database']!['walPeakHours'] = -1)))).toEqual(['plan.database.walPeakHours: expected a number ≥ 0, got -1']);
      // NaN (from an object, not JSON) used to be shown as "got null", which is not what was given.
      expect(issuesOf(withChange((p) => (p['database']!['sizeGiB'] = Number.NaN)))).toEqual(['plan.database.sizeGiB: expected a number, got NaN']);
    });

    it('a refused estimate field is reported once, not again as "min ≤ likely ≤ max"', () => {
      expect(issuesOf(withChange((p) => (p['restore']!['baseGiBPerHour'] = { min: 'NaN', likely: 200, max: 300 })))).toEqual([
        'plan.restore.baseGiBPerHour.min: expected a positive number (1e-9 to 1e12), got "NaN"',
      ]);
    });

    it('an odd key is quoted in the path', () => {
      expect(issuesOf(withChange((p) => (p['database']![''] = 1)))).toEqual(['plan.database[""]: unknown field; known fields here: sizeGiB, monthlyGrowthPct, monthlyGrowthGiB, sizeForecast, walGiBPerHour, walPeakGiBPerHour, walPeakHours, walPeakStartHour, dailyChangedFraction, walGrowsWithSize']);
    });

    it('an archive interval of 0 gives a finite repository size (was Infinity)', () => {
      const plan = parseDrPlan(withChange((p) => (p['archiving']!['intervalSeconds'] = 0)));
      expect(Number.isFinite(simulateDr(plan, { trials: 64, seed: 1 }).repository[0]?.walGiB)).toBe(true);
    });

    it('a retention of 60 billion fulls, every backup failing, simulates in bounded time and memory (was a RangeError)', () => {
      const plan = parseDrPlan(
        withChange((p) => {
          p['backups']!['retention'] = { kind: 'count', full: 6e10 };
          (p['backups']!['full'] as Record<string, unknown>)['successProbability'] = 0;
        }),
      );
      const started = performance.now();
      const result = simulateDr(plan, { trials: 64, seed: 1 });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.scenarios[0]?.pUnrecoverable).toBe(1);
      expect(result.scenarios[0]?.rtoSeconds.worst).toBeNull();
    });
  });
});
