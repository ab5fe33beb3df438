import { embeddedModelTag } from './embedded-model.js';
import { escapeHtml } from './escape-html.js';
import { formatAmount, formatBytes, formatMoney, formatSeconds, formatShare } from './format-values.js';
import type { CapacitySectionOk, DrSectionOk, ReportModel, ReportSection, ScalingSectionOk, SectionId } from './report-model.js';
import { costChartSvg, OPTION_COLORS } from './svg-cost-chart.js';
import { forecastChartSvg } from './svg-forecast-chart.js';
import { runwayTimelineSvg } from './svg-runway-timeline.js';
import { drProjectionSvg } from './svg-dr-projection.js';

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no external
 * resource (the Content-Security-Policy forbids both, so a tampered copy cannot fetch or
 * run anything either), a print stylesheet for A4, and the model embedded for --verify.
 * Every string from the model passes through escapeHtml (the `h` tag below); the only
 * markup is the renderer's own.
 */

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Escaped text, marked so that template joins cannot mix it up with raw markup. */
const h = (text: string | number | null | undefined): string => escapeHtml(text === null || text === undefined ? '' : String(text));

const SECTION_TITLES: Record<SectionId, string> = { capacity: 'Capacity review', scaling: 'Scaling decision', dr: 'DR sign-off' };

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 Helvetica, Arial, sans-serif; color: #1d2327; max-width: 920px; margin: 2rem auto; padding: 0 1.5rem; background: #fff; }
h1 { font-size: 21pt; margin: 0 0 .15em; }
h2 { font-size: 15pt; border-bottom: 2px solid #1f5fa8; padding-bottom: 3px; margin: 1.8em 0 .6em; }
h3 { font-size: 12pt; margin: 1.3em 0 .4em; }
h4 { font-size: 10.5pt; margin: 1em 0 .3em; }
p { margin: .4em 0; }
.subtitle { color: #555; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 8.8pt; }
th, td { border-bottom: 1px solid #dde1e5; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.compact td, table.compact th { padding: 1px 5px; font-size: 8pt; }
th { background: #f1f4f7; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
td.nowrap { white-space: nowrap; overflow-wrap: normal; }
tr.highlight td { font-weight: 600; background: #fff5e0; }
table.meta th { width: 28%; background: none; font-weight: 600; }
.chart { width: 100%; height: auto; display: block; }
figure { margin: .5em 0 1em; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #555; margin-top: 2px; }
.callout { border-left: 4px solid #1f5fa8; background: #f2f6fb; padding: .5em .8em; margin: .6em 0 1em; }
.callout.warn { border-left-color: #c0392b; background: #fcf0ee; }
.callout.ok { border-left-color: #2e7d32; background: #eef7ee; }
.muted { color: #666; }
.small { font-size: 8.5pt; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: baseline; }
code { font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 8pt; overflow-wrap: anywhere; }
ul { margin: .3em 0 .8em; padding-left: 1.3em; }
nav.toc ol { margin: .2em 0 1em; list-style: none; padding-left: .5em; }
.forecast { break-inside: avoid; border-top: 1px solid #e3e6ea; padding-top: .3em; }
.signoff td { height: 2.6em; }
td.actions { width: 30%; }
.keep { break-inside: avoid; }
.signoff td.value { width: 45%; }
footer { margin-top: 2em; font-size: 8pt; color: #777; }
@page { size: A4; margin: 15mm 13mm 16mm; @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt Helvetica, Arial, sans-serif; color: #777; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  section.major { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure, .callout { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * Renders the report. Deterministic: the same model gives the same bytes (`--verify`
 * re-renders the embedded model to detect an edited HTML file).
 * @example renderReportHtml(buildReport(inputs)).startsWith('<!DOCTYPE html>') // true
 */
export function renderReportHtml(model: ReportModel): string {
  const m = model.meta;
  const numbered = model.sections.map((s, i) => ({ section: s, number: i + 1 }));
  const tail = numbered.length;
  const toc = [
    ...numbered.map(({ section, number }) => `<li><a href="#${section.id}">${number}. ${h(SECTION_TITLES[section.id])}</a></li>`),
    `<li><a href="#assumptions">${tail + 1}. Assumptions</a></li>`,
    `<li><a href="#provenance">${tail + 2}. Inputs and provenance</a></li>`,
    `<li><a href="#signoff">${tail + 3}. Reproduce and sign off</a></li>`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Headroom ${h(m.appVersion)}">`,
    embeddedModelTag(model),
    `<title>${h(m.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${h(m.title)}</h1>`,
    `<p class="subtitle">${h(m.system)} · generated ${h(m.generatedAt.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC'))} by Headroom ${h(m.appVersion)}</p>`,
    metaTable(model),
    '</header>',
    summary(model),
    `<nav class="toc"><strong>Contents</strong><ol>${toc.join('')}</ol></nav>`,
    '<main>',
    ...numbered.map(({ section, number }) => renderSection(section, number)),
    assumptionsSection(model, tail + 1),
    provenanceSection(model, tail + 2),
    signOffSection(model, tail + 3),
    '</main>',
    `<footer>Headroom ${h(m.appVersion)} · report format ${m.format} · ${h(m.workspaceFile)} · This file is self-contained: it loads nothing and runs nothing.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function metaTable(model: ReportModel): string {
  const m = model.meta;
  const p = m.parameters;
  const rows: [string, string][] = [
    ['System', m.system],
    ['Workspace file', m.workspaceFile],
    ['Generated', m.generatedAt],
    ['Headroom version', m.appVersion],
    ['Sections', p.sections.map((s) => SECTION_TITLES[s]).join(', ')],
    ['Scaling parameters', `${p.horizon ?? 'the system’s horizon'}, ${p.confidence.toUpperCase()} load, ${p.pricing} prices`],
    ['Seed', String(p.seed)],
  ];
  return `<table class="meta">${rows.map(([k, v]) => `<tr><th>${h(k)}</th><td>${h(v)}</td></tr>`).join('')}</table>`;
}

function summary(model: ReportModel): string {
  const items: string[] = [];
  for (const s of model.sections) {
    if (s.status === 'unavailable') {
      items.push(`<li><strong>${h(SECTION_TITLES[s.id])}:</strong> ${h(s.reason)}</li>`);
    } else if (s.id === 'capacity') {
      items.push(`<li><strong>Capacity:</strong> ${h(s.bindingSentence)}.</li>`);
    } else if (s.id === 'scaling') {
      const best = s.options.find((o) => o.recommended);
      items.push(`<li><strong>Scaling:</strong> ${best === undefined ? 'no option keeps every resource under its target through the horizon.' : `${h(best.name)} (${h(formatMoney(best.totalCost, s.currency))} over ${h(s.horizon)}).`}${s.decision === null ? ' No decision recorded yet.' : ` Recorded decision: ${h(s.decision.option)}.`}</li>`);
    } else {
      const failing = s.scenarios.filter((x) => x.rpoVerdict === 'breached' || x.rtoVerdict === 'breached');
      items.push(`<li><strong>DR:</strong> ${failing.length === 0 ? `every scenario of ${h(s.plan.name)} meets its RPO and RTO.` : `${failing.length} of ${s.scenarios.length} scenarios breach a target: ${h(failing.map((x) => x.label).join(', '))}.`}</li>`);
    }
  }
  return `<section id="summary"><h2>Summary</h2><ul>${items.join('')}</ul></section>`;
}

function renderSection(section: ReportSection, number: number): string {
  const heading = `<h2>${number}. ${h(SECTION_TITLES[section.id])}</h2>`;
  // An unavailable section is one line: not worth a page of its own.
  if (section.status === 'unavailable') return `<section id="${section.id}">${heading}<div class="callout warn">${h(section.reason)}</div></section>`;
  if (section.id === 'capacity') return `<section id="capacity" class="major">${heading}${capacityBody(section)}</section>`;
  if (section.id === 'scaling') return `<section id="scaling" class="major">${heading}${scalingBody(section)}</section>`;
  return `<section id="dr" class="major">${heading}${drBody(section)}</section>`;
}

const num = (text: string): string => `<td class="num">${h(text)}</td>`;

function capacityBody(s: CapacitySectionOk): string {
  const rows = s.resources.map((r) => {
    const status = r.status === 'crosses' ? 'reaches its threshold' : r.status === 'exceeded' ? 'over target now' : r.status === 'beyond-horizon' ? 'beyond the horizon' : (r.problem ?? r.status);
    return `<tr${r.binding ? ' class="highlight"' : ''}><td>${r.binding ? '▶ ' : ''}${h(r.resource)}${r.artificial ? ' <span class="muted">(soft)</span>' : ''}</td>${num(r.capacity === null ? '—' : `${formatAmount(r.capacity)} ${r.unit}`)}${num(r.threshold === null ? '—' : `${formatAmount(r.threshold)} (${r.targetPct} %)`)}${num(r.current === null ? '—' : `${formatAmount(r.current)} ${r.statistic}`)}${num(r.headroomPct === null ? '—' : `${r.headroomPct.toFixed(0)} %`)}${num(r.runway.p10 ?? '—')}${num(r.runway.p50 ?? '—')}${num(r.runway.p90 ?? '—')}<td>${h(status)}</td></tr>`;
  });
  const forecastRows = s.forecasts.map((f) => {
    const b = f.backtest;
    return `<tr><td>${h(f.resource)}</td><td>${h(f.modelLabel)}</td>${num(b === null ? '—' : b.mase.toFixed(3))}${num(b === null ? '—' : formatShare(b.smape / 100))}${num(b === null ? '—' : formatShare(b.coverage80, 0))}${num(b === null ? '—' : formatShare(b.coverage95, 0))}</tr>`;
  });
  const problems = s.resources.filter((r) => r.problem !== null);
  return [
    `<div class="callout${s.resources.some((r) => r.status === 'exceeded') ? ' warn' : ''}">${h(s.bindingSentence)}.</div>`,
    `<p>Runway as of ${h(s.asOf)}: the current load is each resource's statistic over the last ${s.windowDays} days; the runway is when the daily forecast of that statistic reaches the threshold (capacity × target), within a horizon of ${h(s.horizon)}. P10 is the cautious date (one chance in ten of reaching the threshold by then).</p>`,
    `<figure>${runwayTimelineSvg(s.asOf, s.resources)}<figcaption>Runway per resource, from now to the end of the forecast horizon.</figcaption></figure>`,
    '<table><thead><tr><th>Resource</th><th class="num">Capacity</th><th class="num">Threshold</th><th class="num">Current</th><th class="num">Headroom</th><th class="num">Runway P10</th><th class="num">P50</th><th class="num">P90</th><th>Status</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    problems.length === 0 ? '' : `<ul class="small">${problems.map((r) => `<li>${h(r.resource)}: ${h(r.problem ?? '')}</li>`).join('')}</ul>`,
    '<h3>Forecasts and their accuracy</h3>',
    '<p class="small">Each model was chosen by a rolling-origin backtest: MASE below 1 beats the seasonal naive forecast; the coverages say how often the 80 % and 95 % intervals held the actual values.</p>',
    '<table><thead><tr><th>Resource</th><th>Model</th><th class="num">MASE</th><th class="num">sMAPE</th><th class="num">80 % coverage</th><th class="num">95 % coverage</th></tr></thead>',
    `<tbody>${forecastRows.join('')}</tbody></table>`,
    ...s.forecasts.map((f) => {
      const b = f.backtest;
      return [
        '<div class="forecast">',
        `<h4>${h(f.resource)}: ${h(f.modelLabel)}</h4>`,
        `<figure>${forecastChartSvg(f)}<figcaption>${h(f.resource)} (${h(f.aggregation)} per ${h(f.step)}), forecast with 80 % and 95 % intervals${f.threshold === null ? '' : ' against its threshold'}.</figcaption></figure>`,
        '<table class="meta small">',
        `<tr><th>Model</th><td><code>${h(f.model)}</code></td></tr>`,
        `<tr><th>Why this model</th><td>${h(f.reason)}</td></tr>`,
        `<tr><th>Fitted</th><td>from ${h(f.fitStart)}, ${h(f.aggregation)} per ${h(f.step)}${f.periods.length === 0 ? ', no seasonal period' : `, seasonal periods ${h(f.periods.join(', '))} steps`}</td></tr>`,
        `<tr><th>Backtest</th><td>${b === null ? 'not possible (too little history)' : `MASE ${b.mase.toFixed(3)}, sMAPE ${b.smape.toFixed(2)} %, 80 % interval coverage ${formatShare(b.coverage80, 0)}, 95 % coverage ${formatShare(b.coverage95, 0)} (${b.origins} origins × ${b.h} steps)`}</td></tr>`,
        f.warnings.length === 0 ? '' : `<tr><th>Warnings</th><td>${f.warnings.map(h).join('<br>')}</td></tr>`,
        '</table>',
        '</div>',
      ].join('');
    }),
  ].join('\n');
}

function scalingBody(s: ScalingSectionOk): string {
  const best = s.options.find((o) => o.recommended);
  const swatch = (i: number): string => `<span class="swatch" style="background:${OPTION_COLORS[i % OPTION_COLORS.length] ?? '#333'}"></span>`;
  const rows = s.options.map(
    (o, i) =>
      `<tr${o.recommended ? ' class="highlight"' : ''}><td class="nowrap">${swatch(i)}${i + 1}</td><td>${o.recommended ? '▶ ' : ''}${h(o.name)}</td><td class="nowrap">${h(o.kind)}</td><td class="num">${o.feasible ? 'yes' : `until ${h(o.meetsTargetsThrough)}`}</td>${num(formatMoney(o.firstMonthCost, ''))}${num(formatMoney(o.lastMonthCost, ''))}${num(formatMoney(o.totalCost, ''))}<td class="small actions">${o.actions.length === 0 ? '—' : o.actions.map((a) => `${h(a.month)} ${h(a.description)}`).join('<br>')}</td></tr>`,
  );
  const shortfalls = s.options.filter((o) => o.notes.length > 0);
  const monthly = s.months.map((month, m) => `<tr><td class="nowrap">${h(month)}</td>${s.options.map((o) => num(formatMoney(o.monthlyCost[m] ?? null, ''))).join('')}</tr>`);
  const d = s.decision;
  const decision =
    d === null
      ? '<p class="muted">No decision is recorded in the workspace (record one on the Compare screen).</p>'
      : `<table class="meta"><tr><th>Chosen option</th><td>${h(d.option)}${s.recommended !== null && d.option !== s.recommended ? ' <strong>(differs from the recommendation)</strong>' : ''}</td></tr><tr><th>Decided by</th><td>${h(d.decidedBy)}</td></tr><tr><th>Decided at</th><td>${h(d.decidedAt)}</td></tr><tr><th>Note</th><td>${h(d.note)}</td></tr></table>`;
  return [
    `<div class="callout${best === undefined ? ' warn' : ' ok'}">${best === undefined ? 'No option keeps every resource under its target through the horizon.' : `<strong>Recommended: ${h(best.name)}</strong>, ${h(formatMoney(best.totalCost, s.currency))} over ${h(s.horizon)}.`} ${h(s.why)}</div>`,
    `<p>Planned from ${h(s.currentInstance)} over ${h(s.horizon)} (${s.months.length} months from ${h(s.months[0] ?? '')}) at ${h(s.confidence.toUpperCase())} load with ${h(s.pricing)} prices; costs in ${h(s.currency)} per month.</p>`,
    `<figure>${costChartSvg(s)}<figcaption>Monthly cost per option; dashed options miss a target within the horizon; the thick line is the recommendation.</figcaption></figure>`,
    `<table><thead><tr><th>#</th><th>Option</th><th>Kind</th><th class="num">Meets targets</th><th class="num">Month 1</th><th class="num">Last month</th><th class="num">Total ${h(s.currency)}</th><th class="actions">Actions</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    shortfalls.length === 0 ? '' : `<h3>Why each option falls short, and caveats</h3><ul class="small">${shortfalls.map((o) => `<li><strong>${h(o.name)}:</strong> ${o.notes.map(h).join('; ')}</li>`).join('')}</ul>`,
    '<h3>Sensitivity</h3>',
    `<table><thead><tr><th>Growth</th><th>Recommended</th><th class="num">Total ${h(s.currency)}</th></tr></thead><tbody>${s.sensitivity.map((x) => `<tr><td>${h(x.growth)}</td><td>${h(x.recommended ?? 'no feasible option')}</td>${num(formatMoney(x.totalCost, ''))}</tr>`).join('')}</tbody></table>`,
    s.runnersUp.length === 0 ? '' : `<p>Runners-up: ${h(s.runnersUp.join(', '))}.</p>`,
    '<h3>Recorded decision</h3>',
    decision,
    '<h3>Monthly cost by option</h3>',
    `<table class="compact"><thead><tr><th>Month</th>${s.options.map((o, i) => `<th class="num" title="${h(o.name)}">${swatch(i)}${i + 1}</th>`).join('')}</tr></thead><tbody>${monthly.join('')}</tbody></table>`,
  ].join('\n');
}

function drBody(s: DrSectionOk): string {
  const verdictCell = (v: string): string => `<td${v === 'breached' ? ' style="color:#c0392b;font-weight:600"' : ''}>${h(v)}</td>`;
  const table = (kind: 'RPO' | 'RTO'): string => {
    const rows = s.scenarios.map((x) => {
      const f = kind === 'RPO' ? x.rpo : x.rto;
      // A null worst case: some events leave nothing to recover from (e.g. a stalled archive).
      const worst = f.worst === null ? 'no recovery' : formatSeconds(f.worst);
      return `<tr><td>${h(x.label)}</td>${num(formatSeconds(kind === 'RPO' ? x.rpoTargetSeconds : x.rtoTargetSeconds))}${num(formatSeconds(f.p50))}${num(formatSeconds(f.p95))}${num(formatSeconds(f.p99))}${num(worst)}${num(formatShare(kind === 'RPO' ? x.pMeetRpo : x.pMeetRto))}${verdictCell(kind === 'RPO' ? x.rpoVerdict : x.rtoVerdict)}</tr>`;
    });
    return `<h3>${kind}</h3><table><thead><tr><th>Scenario</th><th class="num">Target</th><th class="num">P50</th><th class="num">P95</th><th class="num">P99</th><th class="num">Worst case</th><th class="num">P(meet)</th><th>Verdict</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  };
  const projection = s.scenarios.map((x) => {
    const first = x.overTime[0];
    const last = x.overTime[x.overTime.length - 1];
    const cell = (v: number | null | undefined): string => num(formatSeconds(v ?? null));
    return `<tr><td>${h(x.label)}</td><td>${h(first?.month ?? '—')} → ${h(last?.month ?? '—')}</td>${cell(first?.rpoWorst)}${cell(last?.rpoWorst)}${cell(first?.rtoWorst)}${cell(last?.rtoWorst)}</tr>`;
  });
  return [
    `<p>Plan ${h(s.plan.name)} (${h(s.plan.engine)}, ${formatAmount(s.plan.sizeGiB)} GiB), ${s.trials.toLocaleString('en-US')} Monte Carlo trials, seed ${s.seed}.</p>`,
    table('RPO'),
    table('RTO'),
    '<h3>What drives the result</h3>',
    `<ul class="small">${s.scenarios.map((x) => `<li><strong>${h(x.label)}:</strong> ${h(x.summary)} Drivers: ${x.drivers.map((d) => `${h(d.step)} ${formatShare(d.share, 0)}`).join(', ') || '—'}</li>`).join('')}</ul>`,
    '<h3>Over time (worst case, now → horizon)</h3>',
    `<figure>${drProjectionSvg(s)}<figcaption>Worst-case RTO as a share of its target, month by month as the database grows (log scale); above the dashed line the target is breached.</figcaption></figure>`,
    `<table><thead><tr><th>Scenario</th><th>Months</th><th class="num">RPO now</th><th class="num">RPO then</th><th class="num">RTO now</th><th class="num">RTO then</th></tr></thead><tbody>${projection.join('')}</tbody></table>`,
    s.notes.length === 0 ? '' : `<ul class="small">${s.notes.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`,
  ].join('\n');
}

function assumptionsSection(model: ReportModel, number: number): string {
  return `<section id="assumptions"><h2>${number}. Assumptions</h2><table class="meta">${model.assumptions.map((a) => `<tr><th>${h(a.topic)}</th><td>${h(a.value)}</td></tr>`).join('')}</table></section>`;
}

function provenanceSection(model: ReportModel, number: number): string {
  const imports = model.provenance.imports.map(
    (f) =>
      `<tr><td>${h(f.file)}<br><code>${f.sha256 === null ? 'SHA-256 not recorded' : `sha256 ${h(f.sha256)}`}</code></td><td>${h(f.format)}</td>${num(formatBytes(f.sizeBytes))}<td class="small nowrap">${h(f.importedAt.slice(0, 10))}<br>${h(f.importedAt.slice(11, 16))} UTC</td><td class="small nowrap">${f.start === null ? '—' : `${h(f.start.slice(0, 10))} →<br>${h((f.end ?? '').slice(0, 10))}`}</td>${num(f.rowsRead.toLocaleString('en-US'))}${num(f.rowsRejected.toLocaleString('en-US'))}${num(f.statementSamples > 0 && f.points === 0 ? `${f.statementSamples.toLocaleString('en-US')} stmt` : f.points.toLocaleString('en-US'))}</tr>`,
  );
  const rejected = model.provenance.imports.filter((f) => f.rejectedExamples.length > 0);
  const series = model.provenance.series.map(
    (s) => `<tr><td>${h(s.name)}</td><td>${h(s.unit)}</td>${num(s.points.toLocaleString('en-US'))}<td class="small">${h(s.start)}</td><td class="small">${h(s.end)}</td>${num(s.resolutionSeconds === null ? '—' : formatSeconds(s.resolutionSeconds))}${num(String(s.gapCount))}</tr>`,
  );
  return [
    `<section id="provenance" class="major"><h2>${number}. Inputs and provenance</h2>`,
    '<h3>Imported files</h3>',
    imports.length === 0
      ? '<p class="muted">No import is recorded in this workspace.</p>'
      : `<table><thead><tr><th>File and SHA-256</th><th>Format</th><th class="num">Size</th><th>Imported</th><th>Time range</th><th class="num">Rows</th><th class="num">Rejected</th><th class="num">Points</th></tr></thead><tbody>${imports.join('')}</tbody></table>`,
    rejected.length === 0 ? '' : `<ul class="small">${rejected.map((f) => f.rejectedExamples.map((x) => `<li>${h(f.file)}:${x.line}: ${h(x.reason)}</li>`).join('')).join('')}</ul>`,
    '<h3>Series</h3>',
    `<table><thead><tr><th>Series</th><th>Unit</th><th class="num">Points</th><th>From</th><th>To</th><th class="num">Resolution</th><th class="num">Gaps</th></tr></thead><tbody>${series.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function signOffSection(model: ReportModel, number: number): string {
  const m = model.meta;
  const s = model.signOff;
  const field = (label: string, value: string): string => `<tr><th>${h(label)}</th><td class="value">${h(value)}</td><td class="muted small">signature</td></tr>`;
  return [
    `<section id="signoff" class="keep"><h2>${number}. Reproduce and sign off</h2>`,
    `<p>This report carries its model and the parameters it was computed with. To check that every number still follows from the workspace, run:</p>`,
    `<p><code>headroom report --verify &lt;this file&gt; --workspace ${h(m.workspaceFile)}</code></p>`,
    `<p class="small">Parameters: sections ${h(m.parameters.sections.join(','))}; horizon ${h(m.parameters.horizon ?? 'the system’s')}; confidence ${h(m.parameters.confidence)}; pricing ${h(m.parameters.pricing)}; seed ${m.parameters.seed}; Headroom ${h(m.appVersion)}.</p>`,
    `<div><h3>Sign-off</h3><table class="meta signoff">${field('Prepared by', s.preparedBy)}${field('Reviewed by', s.reviewedBy)}${field('Decision', s.decision)}${field('Date', s.date)}</table></div>`,
    '</section>',
  ].join('\n');
}
