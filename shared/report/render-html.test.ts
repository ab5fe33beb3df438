import { describe, expect, it } from 'vitest';
import { extractEmbeddedModelJson } from './embedded-model.js';
import { escapeHtml } from './escape-html.js';
import { renderReportHtml, REPORT_CSP } from './render-html.js';
import { buildReport } from './report-model.js';
import { fixtureInputs, HOSTILE_IMG, HOSTILE_SCRIPT } from './report-fixtures.js';

describe('renderReportHtml', () => {
  const model = buildReport(fixtureInputs());
  const html = renderReportHtml(model);

  it('has every section and chart', () => {
    for (const id of ['summary', 'capacity', 'scaling', 'dr', 'assumptions', 'provenance', 'signoff']) expect(html).toContain(`<section id="${id}"`);
    expect(html).toContain('class="chart runway-timeline"');
    expect(html.match(/class="chart forecast-chart"/g)).toHaveLength(2);
    expect(html).toContain('class="chart cost-chart"');
    expect(html).toContain('@media print');
  });

  it('runs and loads nothing: no script, no URL, a restrictive CSP', () => {
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toMatch(/https?:|\/\/[a-z]|url\(/i);
    // No tag has a source, a link out or an event handler (hostile names are text, without '<').
    // Quoted attribute values are text (escaped: they cannot contain a quote), so drop them first.
    const markup = html.replace(/"[^"]*"/g, '""');
    expect(markup).not.toMatch(/<[^>]*\s(src|on[a-z]+)=/i);
    // Links only within the page (the contents).
    expect([...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]?.charAt(0))).toEqual(Array(6).fill('#'));
    expect(markup).not.toMatch(/<(img|iframe|object|embed|link|base|form)\b/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });

  it('shows hostile names as text, never as markup', () => {
    // The only tags are the renderer's: none of the hostile ones, in any section.
    expect(html).not.toContain('<img');
    expect(html).not.toContain(HOSTILE_IMG);
    expect(html).not.toContain(HOSTILE_SCRIPT);
    expect(html).toContain(escapeHtml(HOSTILE_IMG));
    expect(html).toContain(escapeHtml(HOSTILE_SCRIPT));
    // In chart labels as well (the resource label is the runway timeline's row name).
    const timeline = html.slice(html.indexOf('runway-timeline'), html.indexOf('</svg>', html.indexOf('runway-timeline')));
    expect(timeline).toContain(`▶ ${escapeHtml(HOSTILE_IMG)}`);
  });

  it('carries its model, byte for byte, and renders the same bytes again', () => {
    expect(JSON.parse(extractEmbeddedModelJson(html))).toEqual(model);
    expect(renderReportHtml(model)).toBe(html);
  });

  it('says so when a section has no data', () => {
    const none = renderReportHtml(buildReport(fixtureInputs({ dr: null })));
    expect(none).toContain('no DR plan in this workspace');
  });

  it('escapes the five characters that end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
