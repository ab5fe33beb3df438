import { describe, expect, it } from 'vitest';
import { decodeBase64Utf8, encodeBase64Utf8 } from './base64-utf8.js';
import { compareReports, parseReportJson } from './compare-reports.js';
import { buildReport } from './report-model.js';
import { fixtureInputs, FIXTURE_IMPORTS, HOSTILE_IMG } from './report-fixtures.js';

describe('compareReports', () => {
  const stored = buildReport(fixtureInputs());

  it('matches a report recomputed from the same inputs, whatever its time, title and sign-off', () => {
    const again = buildReport(fixtureInputs({ generatedAt: '2027-01-01T00:00:00Z', title: 'other', signOff: {} }));
    const result = compareReports(stored, again);
    expect(result.matches).toBe(true);
    expect(result.compared).toBeGreaterThan(500);
  });

  it('names the values that changed with the data, by resource name, and why', () => {
    // Given faster disk growth and a new import, when compared, the disk's figures differ.
    const changed = buildReport(fixtureInputs({ imports: [...FIXTURE_IMPORTS, { ...(FIXTURE_IMPORTS[0] ?? ({} as never)), id: 2, file: 'more.csv' }] }, 3));
    const result = compareReports(stored, changed);
    expect(result.matches).toBe(false);
    const paths = result.differences.map((d) => d.path);
    expect(paths).toContain(`sections[capacity].resources[${HOSTILE_IMG}].current`);
    expect(paths).toContain('provenance.imports[more.csv]');
    expect(result.reasons[0]).toMatch(/imported data changed \(imported since: more.csv\)/);
  });

  it('names a changed decision', () => {
    const changed = buildReport(fixtureInputs({ decision: null }));
    const result = compareReports(stored, changed);
    expect(result.differences.map((d) => d.path)).toEqual(['sections[scaling].decision']);
    expect(result.reasons).toEqual(['the recorded scaling decision changed']);
  });

  it('refuses what is not a report of this format', () => {
    expect(() => parseReportJson('{"a":1}')).toThrow(/not a Headroom report/);
    expect(() => parseReportJson(JSON.stringify({ ...stored, meta: { ...stored.meta, format: 99 } }))).toThrow(/format 99/);
    expect(parseReportJson(JSON.stringify(stored))).toEqual(stored);
  });
});

describe('base64 of UTF-8', () => {
  it('round-trips any text, including astral characters, as RFC 4648 base64', () => {
    // Expected values from `printf '%s' … | base64` (GNU coreutils).
    expect(encodeBase64Utf8('é')).toBe('w6k=');
    expect(encodeBase64Utf8('Man')).toBe('TWFu');
    expect(encodeBase64Utf8('≥ 𝄞')).toBe('4omlIPCdhJ4=');
    for (const text of ['', 'a', 'ab', 'abc', '≥ 80 % ▶ 𝄞 "<>"']) expect(decodeBase64Utf8(encodeBase64Utf8(text))).toBe(text);
    expect(() => decodeBase64Utf8('%%%')).toThrow(/base64/);
  });
});
