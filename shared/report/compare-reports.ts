import { REPORT_FORMAT, type ReportModel, type ScalingSectionOk } from './report-model.js';

/**
 * `report --verify`: compares a stored report with one recomputed from the workspace
 * with the same parameters, value by value (numbers, dates, names, verdicts), and says
 * which values differ and the likely why. Paths name things by what they are, not by
 * position: `sections[capacity].resources[Storage].runway.p50`.
 */

export interface ReportDifference {
  /** e.g. `sections[scaling].options[Shard when needed].totalCost`. */
  readonly path: string;
  /** The stored value (undefined: absent from the stored report). */
  readonly stored: unknown;
  readonly recomputed: unknown;
  /** In an array of numbers (a curve, costs per month): how many more of its values differ. */
  readonly alsoInArray?: number;
}

export interface ReportComparison {
  readonly matches: boolean;
  /** Leaf values compared. */
  readonly compared: number;
  readonly differences: readonly ReportDifference[];
  /** Plain-language causes, most likely first. */
  readonly reasons: readonly string[];
}

/** Not recomputable by nature: when it was made, and what people typed in. */
const IGNORED = [/^meta\.generatedAt$/, /^meta\.title$/, /^signOff\./];
/** Keys that name an element of an array, in order of preference. */
const NAME_KEYS = ['resource', 'name', 'file', 'topic', 'label', 'growth', 'month', 'id', 'resourceId', 'step'];
/** Numbers within this relative distance are the same number. */
const RELATIVE_TOLERANCE = 1e-9;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementName(value: unknown): string | null {
  if (!isRecord(value)) return null;
  for (const key of NAME_KEYS) {
    const v = value[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * @param limit differences kept (the count of compared values is always complete)
 * @example compareReports(stored, recomputed).matches // true when nothing changed
 */
export function compareReports(stored: ReportModel, recomputed: ReportModel, limit = 200): ReportComparison {
  const differences: ReportDifference[] = [];
  let compared = 0;
  let total = 0;
  const differ = (path: string, a: unknown, b: unknown, alsoInArray = 0): void => {
    total++;
    if (differences.length < limit) differences.push(alsoInArray === 0 ? { path, stored: a, recomputed: b } : { path, stored: a, recomputed: b, alsoInArray });
  };
  const walk = (path: string, a: unknown, b: unknown): void => {
    if (IGNORED.some((re) => re.test(path))) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const names = a.map(elementName);
      const named = names.every((x) => x !== null) && new Set(names).size === names.length && b.every((x) => elementName(x) !== null);
      if (named) {
        const byName = new Map(b.map((x) => [elementName(x), x] as const));
        a.forEach((x, i) => {
          const name = names[i] ?? '';
          const at = `${path}[${name}]`;
          if (!byName.has(name)) differ(at, x, undefined);
          else walk(at, x, byName.get(name));
          byName.delete(name);
        });
        for (const [name, x] of byName) differ(`${path}[${name ?? ''}]`, undefined, x);
        return;
      }
      if (a.every((x) => typeof x === 'number') && b.every((x) => typeof x === 'number')) {
        // A curve or a cost per month: one difference for the whole array, at its first change.
        const changed: number[] = [];
        for (let i = 0; i < Math.max(a.length, b.length); i++) if (i >= a.length || i >= b.length || !sameLeaf(a[i], b[i])) changed.push(i);
        compared += Math.max(a.length, b.length);
        const first = changed[0];
        if (first !== undefined) differ(`${path}[${first}]`, a[first], b[first], changed.length - 1);
        return;
      }
      if (a.length !== b.length) differ(`${path}.length`, a.length, b.length);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(`${path}[${i}]`, a[i], b[i]);
      return;
    }
    if (isRecord(a) && isRecord(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) walk(path === '' ? key : `${path}.${key}`, a[key], b[key]);
      return;
    }
    compared++;
    if (!sameLeaf(a, b)) differ(path, a, b);
  };
  walk('', stored, recomputed);
  return { matches: total === 0, compared, differences, reasons: total === 0 ? [] : explain(stored, recomputed) };
}

function explain(stored: ReportModel, recomputed: ReportModel): string[] {
  const reasons: string[] = [];
  // From the whole models, not the (capped) list of differences.
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const areas: Record<string, boolean> = {
    'provenance.imports': !same(stored.provenance.imports, recomputed.provenance.imports),
    'provenance.series': !same(stored.provenance.series, recomputed.provenance.series),
    assumptions: !same(stored.assumptions, recomputed.assumptions),
    'meta.system': stored.meta.system !== recomputed.meta.system,
    'meta.workspaceFile': stored.meta.workspaceFile !== recomputed.meta.workspaceFile,
  };
  const touched = (prefix: string): boolean => areas[prefix] ?? false;
  const decisionOf = (m: ReportModel): unknown => m.sections.find((x): x is ScalingSectionOk => x.id === 'scaling' && x.status === 'ok')?.decision;
  if (stored.meta.appVersion !== recomputed.meta.appVersion) {
    reasons.push(`the report was made by Headroom ${stored.meta.appVersion} and is checked with ${recomputed.meta.appVersion}: models or defaults may have changed between versions`);
  }
  if (touched('provenance.imports')) {
    const before = new Map(stored.provenance.imports.map((f) => [f.file, f.sha256]));
    const after = new Map(recomputed.provenance.imports.map((f) => [f.file, f.sha256]));
    const added = [...after.keys()].filter((f) => !before.has(f));
    const removed = [...before.keys()].filter((f) => !after.has(f));
    const changed = [...before.keys()].filter((f) => after.has(f) && after.get(f) !== before.get(f));
    const parts = [added.length > 0 ? `imported since: ${added.join(', ')}` : '', removed.length > 0 ? `no longer recorded: ${removed.join(', ')}` : '', changed.length > 0 ? `re-imported with other content: ${changed.join(', ')}` : ''].filter((p) => p !== '');
    reasons.push(`the workspace's imported data changed${parts.length === 0 ? '' : ` (${parts.join('; ')})`}`);
  } else if (touched('provenance.series')) {
    reasons.push('the workspace\'s series changed (points added, edited or deleted) although no new import is recorded');
  }
  if (touched('assumptions')) reasons.push('the system configuration changed: instance, storage, resources, targets or the workload shape');
  if (!same(decisionOf(stored), decisionOf(recomputed))) reasons.push('the recorded scaling decision changed');
  if (touched('meta.system') || touched('meta.workspaceFile')) reasons.push('the report was made from another system or workspace file');
  if (reasons.length === 0) reasons.push('the inputs are the same but the numbers are not: the computation changed, or the report file was edited');
  return reasons;
}

/**
 * Reads a report's JSON and checks it is a report this version can verify.
 * @throws {Error} when it is not a Headroom report, or one of another format
 * @example parseReportJson(text).meta.parameters.sections // ['capacity', 'scaling', 'dr']
 */
export function parseReportJson(text: string): ReportModel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  if (!isRecord(value) || !isRecord(value['meta']) || !Array.isArray(value['sections'])) throw new Error('not a Headroom report (no meta and sections)');
  const meta = value['meta'];
  if (meta['format'] !== REPORT_FORMAT) throw new Error(`a report of format ${String(meta['format'])}; this Headroom reads format ${REPORT_FORMAT}`);
  if (!isRecord(meta['parameters']) || !Array.isArray(meta['parameters']['sections'])) throw new Error('the report lacks its parameters (meta.parameters)');
  return value as unknown as ReportModel;
}
