import { describe, expect, it } from 'vitest';
import { getAt, setAt, splitIssue } from './plan-paths.js';

describe('plan paths', () => {
  it('reads and writes nested fields without touching the original', () => {
    const plan = { backups: { full: { hours: [1] } }, scenarios: [{ id: 'a' }, { id: 'b' }] };
    const next = setAt(plan, ['scenarios', 1, 'targets', 'rpoSeconds'], '5m');
    expect(getAt(next, ['scenarios', 1, 'targets', 'rpoSeconds'])).toBe('5m');
    expect(getAt(plan, ['scenarios', 1, 'targets'])).toBeUndefined();
    expect(next.backups).toBe(plan.backups);
    expect(getAt(setAt(plan, ['backups', 'full', 'hours'], undefined), ['backups', 'full'])).toEqual({});
  });

  it('splits validation messages into the field they name and the message', () => {
    expect(splitIssue('plan.backups.full.every: expected a duration such as "7d"')).toEqual({ key: 'backups.full.every', message: 'expected a duration such as "7d"' });
    expect(splitIssue('plan.scenarios[2].targets.rtoSeconds: missing: add a duration')).toEqual({ key: 'scenarios.2.targets.rtoSeconds', message: 'missing: add a duration' });
    expect(splitIssue('plan: expected a JSON object')).toEqual({ key: '', message: 'expected a JSON object' });
  });
});
