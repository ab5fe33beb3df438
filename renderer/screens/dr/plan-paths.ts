/**
 * Reading and writing one field of a plan (plain JSON) by its path, immutably: the
 * editor keeps the plan exactly as the user wrote it (durations as text) and changes
 * one field at a time. A path is the same as in validation messages:
 * `backups.full.hours` ↔ `plan.backups.full.hours`.
 */

export type PlanPath = readonly (string | number)[];
export type PlanJson = Readonly<Record<string, unknown>>;

/** The value at `path`, or undefined when any part is missing. */
export function getAt(value: unknown, path: PlanPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * A copy with `path` set to `next` (intermediate objects created); `undefined` removes
 * the field, so optional parts of the plan disappear rather than hold empty values.
 */
export function setAt<T>(value: T, path: PlanPath, next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  const base: Record<string | number, unknown> | unknown[] = Array.isArray(value) ? [...(value as unknown[])] : value !== null && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : typeof head === 'number' ? [] : {};
  const child = setAt((base as Record<string | number, unknown>)[head], rest, next);
  if (child === undefined && !Array.isArray(base)) return Object.fromEntries(Object.entries(base).filter(([k]) => k !== String(head))) as T;
  (base as Record<string | number, unknown>)[head] = child;
  return base as T;
}

/** `plan.a.b[2].c: message` → the path text `a.b.2.c` used as a field's key, and the message. */
export function splitIssue(issue: string): { readonly key: string; readonly message: string } {
  const match = /^plan((?:\.[^.:[\s]+|\[\d+\])*): (.*)$/s.exec(issue);
  if (match === null) return { key: '', message: issue };
  const key = (match[1] ?? '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  return { key, message: match[2] ?? issue };
}

export const pathKey = (path: PlanPath): string => path.join('.');
