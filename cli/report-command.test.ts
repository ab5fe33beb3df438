import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfPages, findChromium } from '../backend/report/render-pdf.js';
import { extractEmbeddedModelJson } from '../shared/report/embedded-model.js';
import type { ReportModel } from '../shared/report/report-model.js';
import { requireBuiltCli, runCli } from '../test/helpers/run-cli.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';
const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';
const SLOW = 120_000;

let dir = '';
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'headroom-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bin/headroom report (docs/cli.md, docs/reports.md)', () => {
  it(
    'writes a self-contained HTML report with every section, inline SVG charts, no script, and sign-off names as text',
    () => {
      const out = join(dir, 'r.html');
      const run = runCli(['report', '--workspace', SAMPLE, '--out', out, '--prepared-by', HOSTILE_IMG, '--reviewed-by', HOSTILE_SCRIPT, '--decision', 'approve storage growth']);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^wrote .*r\.html: capacity, scaling, dr in \d+\.\d s/);
      const html = readFileSync(out, 'utf8');
      for (const id of ['capacity', 'scaling', 'dr', 'assumptions', 'provenance', 'signoff']) expect(html).toContain(`<section id="${id}"`);
      expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
      expect(html.toLowerCase()).not.toContain('<script');
      expect(html).not.toMatch(/https?:/);
      expect(html).not.toContain(HOSTILE_IMG);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      // The sample stores a DR plan: its sign-off has a row per scenario with the worst case beside P95.
      expect(html).not.toContain('no DR plan in this workspace');
      expect(html).toContain('Node / instance failure');
      const model = JSON.parse(extractEmbeddedModelJson(html)) as ReportModel;
      expect(model.signOff.preparedBy).toBe(HOSTILE_IMG);
    },
    SLOW,
  );

  it(
    'writes the JSON model and every table as CSV',
    () => {
      const json = runCli(['report', '--workspace', SAMPLE, '--out', join(dir, 'r.json'), '--sections', 'capacity,scaling']);
      expect(json.status, json.stderr).toBe(0);
      const model = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as ReportModel;
      expect(model.sections.map((s) => s.id)).toEqual(['capacity', 'scaling']);
      const capacity = model.sections[0];
      expect(capacity?.status === 'ok' && capacity.id === 'capacity' ? capacity.binding : null).toBe('Storage');
      expect(model.provenance.imports.map((f) => f.sha256)).toEqual(model.provenance.imports.map(() => expect.stringMatching(/^[0-9a-f]{64}$/)));
      const csv = runCli(['report', '--workspace', SAMPLE, '--out', join(dir, 'tables.csv'), '--sections', 'scaling']);
      expect(csv.status, csv.stderr).toBe(0);
      const files = readdirSync(dir).filter((f) => f.startsWith('tables-'));
      expect(files).toContain('tables-scaling-options.csv');
      expect(readFileSync(join(dir, 'tables-scaling-monthly-costs.csv'), 'utf8').split('\r\n')[0]).toBe('month,option,cost,currency');
    },
    SLOW,
  );

  const chromium = findChromium();
  if (chromium === null) console.warn('report PDF test skipped: no Chromium (set HEADROOM_CHROMIUM or install chromium)');
  it.skipIf(chromium === null)(
    'prints the PDF through headless Chromium',
    () => {
      const out = join(dir, 'r.pdf');
      const run = runCli(['report', '--workspace', SAMPLE, '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      const pdf = readFileSync(out);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = countPdfPages(pdf);
      expect(run.stdout).toContain(`(${pages} pages)`);
      // Cover, capacity (table, 6 forecasts), scaling, assumptions, provenance and sign-off.
      expect(pages).toBeGreaterThanOrEqual(8);
      expect(pages).toBeLessThanOrEqual(14);
    },
    SLOW,
  );

  it('says clearly when Chromium is missing, and refuses an unknown format or section', () => {
    const missing = runCli(['report', '--workspace', SAMPLE, '--out', join(dir, 'x.pdf'), '--sections', 'dr'], { env: { HEADROOM_CHROMIUM: '/nonexistent/chromium' } });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^headroom report: a PDF needs Chromium, and none was found .*HEADROOM_CHROMIUM/);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    expect(runCli(['report', '--workspace', SAMPLE, '--out', join(dir, 'r.txt')]).status).toBe(2);
    expect(runCli(['report', '--workspace', SAMPLE, '--out', join(dir, 'r.html'), '--sections', 'capacity,budget']).stderr).toContain("'budget' is not a section");
  });

  it(
    'verifies a report round trip: match, then a named mismatch after a change to the data or to the file',
    () => {
      // Given a copy of the sample and its report (capacity only: the quickest section).
      const workspace = join(dir, 'copy.headroom');
      copyFileSync(SAMPLE, workspace);
      const html = join(dir, 'v.html');
      expect(runCli(['report', '--workspace', workspace, '--out', html, '--sections', 'capacity']).status).toBe(0);
      const json = join(dir, 'v.json');
      writeFileSync(json, extractEmbeddedModelJson(readFileSync(html, 'utf8')));

      // When verified unchanged, then every value matches, from the HTML and from the JSON.
      const same = runCli(['report', '--verify', html, '--workspace', workspace]);
      expect(same.status, same.stdout + same.stderr).toBe(0);
      expect(same.stdout).toMatch(/matches .*copy\.headroom: all [\d,]+ values recomputed alike/);
      expect(runCli(['report', '--verify', json, '--workspace', workspace]).status).toBe(0);

      // When the report's HTML is edited, then verify says so.
      writeFileSync(join(dir, 'edited.html'), readFileSync(html, 'utf8').replace('binds first', 'binds last'));
      const edited = runCli(['report', '--verify', join(dir, 'edited.html'), '--workspace', workspace]);
      expect(edited.status).toBe(1);
      expect(edited.stdout).toContain('why: the HTML was edited after it was written');

      // When a number in the JSON is changed, then verify names it.
      const model = JSON.parse(readFileSync(json, 'utf8')) as { sections: { resources: { resource: string; current: number }[] }[] };
      const storage = model.sections[0]?.resources.find((r) => r.resource === 'Storage');
      if (storage !== undefined) storage.current = 1;
      writeFileSync(join(dir, 'tampered.json'), JSON.stringify(model));
      const tampered = runCli(['report', '--verify', join(dir, 'tampered.json'), '--workspace', workspace, '--json']);
      expect(tampered.status).toBe(1);
      const verdict = JSON.parse(tampered.stdout) as { matches: boolean; differences: { path: string }[]; reasons: string[] };
      expect(verdict.matches).toBe(false);
      expect(verdict.differences.map((d) => d.path)).toEqual(['sections[capacity].resources[Storage].current']);

      // When new data is imported, then verify names the changed values and the import.
      const more = join(dir, 'more.csv');
      writeFileSync(more, 'timestamp,storage_used_gib\n2026-11-01T00:00:00Z,1400\n2026-11-01T00:05:00Z,1401\n');
      expect(runCli(['import', more, '--workspace', workspace]).status).toBe(0);
      const changed = runCli(['report', '--verify', html, '--workspace', workspace]);
      expect(changed.status).toBe(1);
      expect(changed.stdout).toContain('sections[capacity].resources[Storage].current: report 1246.5, now 1401');
      expect(changed.stdout).toMatch(/why: the workspace's imported data changed \(imported since: .*more\.csv\)/);
      expect(changed.stderr).toMatch(/^headroom report: .*v\.html no longer matches/);
    },
    SLOW,
  );
});
