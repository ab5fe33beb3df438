import { z } from 'zod';
import { normalizePlan } from './dr-plan-normalize.js';
import { defaultLognormalMax, type DistributionSpec } from './distribution.js';
import { parseDurationSeconds } from './duration.js';
import { DATABASE_ENGINES, SCENARIO_KINDS, WEEKDAYS, type DrPlan } from './dr-plan.js';

/**
 * The JSON schema of a DR plan (docs/dr-plan.md documents every field) and its
 * validation. Errors name the field path and say how to fix it, e.g.
 * `plan.backups.full.every: expected a duration such as "7d" or a number of seconds, got "weekly"`.
 */

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  // JSON writes NaN and ±Infinity as null, which would misreport what was given.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

/*
 * Plausibility bounds (issue #9: fuzzing found that finite but absurd inputs — a price of
 * 1e308, a lag spread of 1e300 — overflow the engine to Infinity and NaN). Every magnitude
 * in a plan is at most 1e12 (GiB, GiB/h, events per year, bytes of lag …), every positive
 * one at least 1e-9, every duration at most 10 years: far beyond any real database, and
 * small enough that the model's sums, products and squares stay finite.
 */
const MAX_MAGNITUDE = 1e12;
const MIN_POSITIVE = 1e-9;
const MAX_SECONDS = 3650 * 86_400;
/** Widest lognormal spread, p99 / p50: six orders of magnitude. */
const MAX_LOGNORMAL_SPREAD = 1e6;

/** A duration: seconds, or text such as "90s", "15m", "6h", "7d", "1h30m"; at most 10 years. */
const duration = (example: string) =>
  z.unknown().transform((value, ctx) => {
    const seconds = parseDurationSeconds(value);
    if (seconds === undefined || seconds > MAX_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        message:
          value === undefined
            ? `missing: add a duration such as ${example} or a number of seconds`
            : `expected a duration such as ${example} or a number of seconds${seconds === undefined ? '' : ', at most 10 years ("3650d")'}, got ${show(value)}`,
      });
      return z.NEVER;
    }
    return seconds;
  });

type Quantity = 'time' | 'rate' | 'amount';
const QUANTITY_HINT: Readonly<Record<Quantity, string>> = {
  time: 'a duration such as "30s" or a number of seconds (at most 10 years)',
  rate: 'a positive number (1e-9 to 1e12)',
  amount: 'a non-negative number (at most 1e12)',
};

function readQuantity(value: unknown, quantity: Quantity): number | undefined {
  if (quantity === 'time') {
    const seconds = parseDurationSeconds(value);
    return seconds !== undefined && seconds <= MAX_SECONDS ? seconds : undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value > MAX_MAGNITUDE) return undefined;
  if (quantity === 'rate' ? value < MIN_POSITIVE : value < 0) return undefined;
  return value;
}

/**
 * An uncertain input: one value, `{min, likely, max}` (PERT) or `{p50, p99[, max]}`
 * (lognormal clamped at max; default max = the 99.99th percentile).
 */
const distribution = (quantity: Quantity, example: string) =>
  z.unknown().transform((value, ctx): DistributionSpec => {
    const fail = (message: string, path: (string | number)[] = []): never => {
      ctx.addIssue({ code: 'custom', message, path });
      return z.NEVER as never;
    };
    const hint = `${QUANTITY_HINT[quantity]} (e.g. ${example}), {"min","likely","max"} or {"p50","p99"}`;
    if (value === undefined) return fail(`missing: add ${hint}`);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const single = readQuantity(value, quantity);
      if (single === undefined) return fail(`expected ${hint}, got ${show(value)}`);
      return { kind: 'fixed', value: single };
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let fieldFailed = false;
    const field = (key: string): number => {
      const read = readQuantity(record[key], quantity);
      if (read !== undefined) return read;
      fieldFailed = true;
      return fail(`expected ${QUANTITY_HINT[quantity]}, got ${show(record[key])}`, [key]);
    };
    if ('likely' in record || ('min' in record && !('p50' in record))) {
      const extra = keys.find((k) => !['min', 'likely', 'max'].includes(k));
      if (extra !== undefined) return fail(`unknown field "${extra}" in a {min, likely, max} estimate`, [extra]);
      const min = field('min');
      const likely = field('likely');
      const max = field('max');
      // A field already refused: comparing its placeholder would add a second, misleading issue.
      if (fieldFailed) return z.NEVER as never;
      if (!(min <= likely && likely <= max)) return fail(`expected min ≤ likely ≤ max, got ${show(record)}`);
      return { kind: 'pert', min, likely, max };
    }
    if ('p50' in record) {
      const extra = keys.find((k) => !['p50', 'p99', 'max'].includes(k));
      if (extra !== undefined) return fail(`unknown field "${extra}" in a {p50, p99, max} distribution`, [extra]);
      const p50 = field('p50');
      const p99 = field('p99');
      if (fieldFailed) return z.NEVER as never;
      if (!(p50 > 0 && p99 > p50)) return fail(`expected 0 < p50 < p99, got ${show(record)}`);
      if (p99 > p50 * MAX_LOGNORMAL_SPREAD) return fail(`expected p99 at most a million times p50 (a wider spread is not a measurement), got ${show(record)}`);
      const max = 'max' in record ? field('max') : defaultLognormalMax(p50, p99);
      if (fieldFailed) return z.NEVER as never;
      if (!(max >= p99)) return fail(`expected max ≥ p99, got ${show(record)}`, ['max']);
      return { kind: 'lognormal', p50, p99, max };
    }
    return fail(`expected ${hint}, got ${show(value)}`);
  });

const probability = z.number({ error: 'expected a probability between 0 and 1' }).min(0, 'expected a probability between 0 and 1').max(1, 'expected a probability between 0 and 1');
const positive = (what: string) =>
  z
    .number({ error: `expected ${what} (a positive number)` })
    .positive(`expected ${what} (a positive number)`)
    .min(MIN_POSITIVE, `expected ${what} of at least 1e-9`)
    .max(MAX_MAGNITUDE, `expected ${what} of at most 1e12`);
const nonNegative = (what: string) =>
  z
    .number({ error: `expected ${what} (a number ≥ 0)` })
    .min(0, `expected ${what} (a number ≥ 0)`)
    .max(MAX_MAGNITUDE, `expected ${what} of at most 1e12`);
const name = z.string({ error: 'expected a name (text)' }).min(1, 'expected a non-empty name').max(120);
const hourOfDay = z.number({ error: 'expected an hour of the day, 0 to 23.99 (UTC)' }).min(0, 'expected an hour of the day, 0 to 23.99 (UTC)').lt(24, 'expected an hour of the day, 0 to 23.99 (UTC)');

const scheduleSchema = z
  .object({
    every: duration('"7d"').optional(),
    startHour: hourOfDay.optional(),
    weekdays: z.array(z.enum(WEEKDAYS, { error: `expected a weekday: ${WEEKDAYS.join(', ')}` })).min(1).optional(),
    hours: z.array(hourOfDay).min(1).optional(),
    durationSeconds: duration('"2h"').optional(),
    throughputGiBPerHour: positive('a backup throughput in GiB per hour').optional(),
    successProbability: probability.default(1),
  })
  .strict();

const locationSchema = z.object({ region: name, zone: name.nullable().optional() }).strict();

const planSchema = z
  .object({
    $schema: z.string().optional(),
    name,
    description: z.string().max(4000).optional(),
    engine: z.enum(DATABASE_ENGINES, { error: `expected one of ${DATABASE_ENGINES.join(', ')}` }).default('postgresql'),
    startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as "YYYY-MM"').optional(),
    horizonMonths: z.number().int('expected a whole number of months').min(0).max(120, 'at most 120 months').default(24),
    topology: z
      .object({
        regions: z.array(z.object({ name, zones: z.array(name).min(1, 'a region needs at least one zone') }).strict()).min(1, 'add at least one region'),
        primary: z.object({ region: name, zone: name }).strict(),
        interRegionRttMs: nonNegative('a round-trip time in milliseconds').default(50),
        intraRegionRttMs: nonNegative('a round-trip time in milliseconds').default(1),
      })
      .strict(),
    database: z
      .object({
        sizeGiB: positive('the database size in GiB'),
        monthlyGrowthPct: z.number().min(-50).max(100).optional(),
        monthlyGrowthGiB: z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE).optional(),
        sizeForecast: z
          .array(
            z
              .object({
                month: z.union([z.number().int().min(0), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)], { error: 'expected a month index (0 = now) or "YYYY-MM"' }),
                sizeGiB: positive('a size in GiB'),
              })
              .strict(),
          )
          .optional(),
        walGiBPerHour: nonNegative('the mean log (WAL) generation rate in GiB per hour'),
        walPeakGiBPerHour: nonNegative('the peak log generation rate in GiB per hour').optional(),
        walPeakHours: z.number().min(0).lt(24, 'the peak lasts less than 24 hours').optional(),
        walPeakStartHour: hourOfDay.optional(),
        dailyChangedFraction: z.number().gt(0, 'expected a fraction in (0, 1]').max(1, 'expected a fraction in (0, 1]').default(0.05),
        walGrowsWithSize: z.boolean().default(false),
      })
      .strict(),
    backups: z
      .object({
        repository: locationSchema,
        offsite: z
          .object({
            region: name,
            copyDelaySeconds: duration('"1h"'),
            walDelaySeconds: duration('"60s"').default(0),
            immutable: z.boolean().default(false),
          })
          .strict()
          .optional(),
        full: scheduleSchema,
        differential: scheduleSchema.optional(),
        incremental: scheduleSchema.optional(),
        retention: z.discriminatedUnion(
          'kind',
          [
            z.object({ kind: z.literal('count'), full: z.number().int().min(1, 'keep at least one full backup'), differential: z.number().int().min(1).optional() }).strict(),
            z.object({ kind: z.literal('time'), windowDays: positive('a recovery window in days') }).strict(),
          ],
          { error: 'expected {"kind": "count", "full": N} or {"kind": "time", "windowDays": D}' },
        ),
        consistencyPoint: z.enum(['start', 'end'], { error: 'expected "end" (online physical backup) or "start" (logical dump, snapshot)' }).default('end'),
        compressionRatio: z.number().gt(0).max(1, 'expected stored/original size, in (0, 1]').default(0.4),
        storagePricePerGiBMonth: nonNegative('a price per GiB-month').optional(),
        offsitePricePerGiBMonth: nonNegative('a price per GiB-month').optional(),
        currency: z.string().min(1).max(8).default('USD'),
      })
      .strict(),
    archiving: z
      .object({
        intervalSeconds: duration('"60s"'),
        latencySeconds: distribution('time', '"5s"').optional(),
        segmentMiB: positive('the log segment size in MiB').default(16),
        compressionRatio: z.number().gt(0).max(1).default(0.5),
        silentStallsPerYear: nonNegative('silent archive stalls per year').default(0),
        timeToNoticeSeconds: distribution('time', '"4h"').optional(),
        timeToFixSeconds: distribution('time', '"1h"').optional(),
      })
      .strict()
      .optional(),
    replication: z
      .object({
        standbys: z
          .array(
            z
              .object({
                name,
                region: name,
                zone: name,
                mode: z.enum(['sync', 'async'], { error: 'expected "sync" or "async"' }),
                lagSeconds: distribution('time', '{"p50": 0.5, "p99": 10}').optional(),
                delaySeconds: duration('"4h"').optional(),
                failover: z.enum(['automatic', 'manual', 'never'], { error: 'expected "automatic", "manual" or "never"' }).optional(),
              })
              .strict(),
          )
          .default([]),
      })
      .strict()
      .default({ standbys: [] }),
    failover: z
      .object({
        automatic: z.boolean().default(true),
        detectionSeconds: distribution('time', '"30s"').optional(),
        decisionSeconds: distribution('time', '0').optional(),
        manualDecisionSeconds: distribution('time', '{"min": "10m", "likely": "30m", "max": "2h"}').optional(),
        promotionSeconds: distribution('time', '"10s"').optional(),
        replayBacklogGiB: distribution('amount', '0.5').optional(),
        replayGiBPerHour: distribution('rate', '200').optional(),
        rerouteSeconds: distribution('time', '"5s"').optional(),
        maximumLagOnFailoverBytes: nonNegative('a lag limit in bytes').nullable().optional(),
      })
      .strict()
      .default({ automatic: true }),
    restore: z
      .object({
        decisionSeconds: distribution('time', '"30m"').optional(),
        provisionSeconds: distribution('time', '"15m"').optional(),
        baseGiBPerHour: distribution('rate', '500'),
        offsiteBaseGiBPerHour: distribution('rate', '200').optional(),
        chainApplyGiBPerHour: distribution('rate', '300').optional(),
        logFetchGiBPerHour: distribution('rate', '100').optional(),
        replayGiBPerHour: distribution('rate', '60'),
        logFetchOverlapsReplay: z.boolean().default(true),
        verificationSeconds: distribution('time', '"10m"').optional(),
        rerouteSeconds: distribution('time', '"5m"').optional(),
        replaceNodeSeconds: distribution('time', '"30m"').optional(),
      })
      .strict(),
    scenarios: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected an id of lower-case letters, digits and dashes'),
            kind: z.enum(SCENARIO_KINDS, { error: `expected one of ${SCENARIO_KINDS.join(', ')}` }),
            label: z.string().max(200).optional(),
            annualRate: nonNegative('events per year'),
            detectionSeconds: distribution('time', '"30s"').optional(),
            beta: z.number().min(0, 'expected a fraction in [0, 1]').max(1, 'expected a fraction in [0, 1]').default(0),
            targets: z.object({ rpoSeconds: duration('"5m"'), rtoSeconds: duration('"1h"') }).strict(),
          })
          .strict(),
      )
      .min(1, 'add at least one scenario'),
  })
  .strict();

export type PlanInput = z.output<typeof planSchema>;
export type ScheduleInput = z.output<typeof scheduleSchema>;

/** A plan that failed validation; `issues` are one line each, `plan.<path>: what and how to fix`. */
export class DrPlanError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(issues.length <= 3 ? issues.join('; ') : `${issues.slice(0, 3).join('; ')}; and ${issues.length - 3} more`);
    this.name = 'DrPlanError';
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let text = 'plan';
  // A key that is not a plain name ("", "a.b", "x y") is quoted, so the path stays unambiguous: plan[""].
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$-]*$/.test(String(part)) ? `.${String(part)}` : `[${JSON.stringify(String(part))}]`;
  return text;
}

/** The closest known key within edit distance 2, for "did you mean". */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best === undefined && candidate.toLowerCase().startsWith(key.toLowerCase()))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** Known keys of the object schema at a path (for "did you mean"). */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = planSchema;
  for (const part of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) {
      const next = (schema.shape as Record<string, z.ZodType>)[String(part)];
      if (next === undefined) return [];
      schema = next;
    } else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 8; i++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else break;
  }
  return current;
}

function issueText(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return `${pathText([...issue.path, key])}: unknown field${suggestion === undefined ? `; known fields here: ${known.join(', ')}` : `; did you mean "${suggestion}"?`}`;
    });
  }
  if (issue.code === 'invalid_type') {
    const input = (issue as { input?: unknown }).input;
    const expected = issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`;
    if (input === undefined) return [`${pathText(issue.path)}: missing: add ${expected} (see docs/dr-plan.md)`];
    return [`${pathText(issue.path)}: expected ${expected}, got ${show(input)}`];
  }
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'retention') return [`${pathText(issue.path)}: ${issue.message}`];
  return [`${pathText(issue.path)}: ${issue.message}`];
}

/**
 * Our wording for a bound that the schema gives without a message of its own (zod's default
 * would be "Too small: expected number to be >=0"): what is expected, and what was given.
 * Found by fuzzing (issue #9); fields with their own message keep it.
 */
function boundMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  const relation = small ? (issue.inclusive === false ? '>' : '≥') : issue.inclusive === false ? '<' : '≤';
  const got = `, got ${show(issue.input)}`;
  switch (issue.origin) {
    case 'number':
      return `expected a number ${relation} ${bound}${got}`;
    case 'int':
      return `expected a whole number ${relation} ${bound}${got}`;
    case 'array':
      return `expected ${small ? 'at least' : 'at most'} ${bound} item(s) in the list${got}`;
    case 'string':
      return `expected ${small ? 'at least' : 'at most'} ${bound} character(s)${small ? got : ''}`;
    default:
      return undefined;
  }
}

/**
 * Validates a plan (parsed JSON) and fills in its defaults.
 * @throws {DrPlanError} naming every invalid field (`plan.backups.full.every: …`)
 * @example parseDrPlan(JSON.parse(readFileSync('plan.json', 'utf8')))
 */
export function parseDrPlan(input: unknown): DrPlan {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new DrPlanError([`plan: expected a JSON object, got ${show(input)}`]);
  const parsed = planSchema.safeParse(input, { reportInput: true, error: boundMessage });
  if (!parsed.success) {
    // A value given but wrong says more than a field left out: list those first.
    const issues = parsed.error.issues.flatMap(issueText);
    throw new DrPlanError([...issues.filter((i) => !i.includes(': missing')), ...issues.filter((i) => i.includes(': missing'))]);
  }
  const problems: string[] = [];
  const plan = normalizePlan(parsed.data, (path, message) => problems.push(`${pathText(path)}: ${message}`));
  if (problems.length > 0) throw new DrPlanError(problems);
  return plan;
}

