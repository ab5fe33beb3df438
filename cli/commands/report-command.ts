import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join, dirname } from 'node:path';
import { compareReports, parseReportJson, type ReportComparison } from '../../shared/report/compare-reports.js';
import { extractEmbeddedModelJson } from '../../shared/report/embedded-model.js';
import { renderReportCsv } from '../../shared/report/render-csv.js';
import { renderReportHtml } from '../../shared/report/render-html.js';
import { SECTION_IDS, type ReportModel, type ReportParameters, type SectionId } from '../../shared/report/report-model.js';
import { assembleReport, DEFAULT_PARAMETERS } from '../../backend/report/assemble-report.js';
import { checkSourceFiles, type SourceFileCheck } from '../../backend/report/check-source-files.js';
import { findChromium, PdfRenderFailed, PdfRendererMissing, renderPdf } from '../../backend/report/render-pdf.js';
import { InputError, UsageError } from '../cli-errors.js';
import { listOption, requiredString, stringOption, type Command, type ParsedCommand } from '../command.js';
import { openForReading } from '../open-for-reading.js';
import { createProgressLine } from '../progress-line.js';

type OutputFormat = 'html' | 'pdf' | 'json' | 'csv';

const FORMATS: Readonly<Record<string, OutputFormat>> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.json': 'json', '.csv': 'csv' };

/** Differences printed in text mode (the JSON carries up to 200). */
const SHOWN_DIFFERENCES = 15;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the sign-off report (capacity review, scaling decision, DR sign-off) as self-contained HTML, PDF, JSON or CSV, or verify a report against its workspace.',
  usage: 'report --workspace <w> --out <file.html|file.pdf|file.json|file.csv> [--sections capacity,scaling,dr] [--prepared-by <name>] … | report --verify <report.html|json> --workspace <w>',
  allowPositionals: false,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'the workspace to report on (opened read-only)' },
    out: { type: 'string', short: 'o', valueName: 'file', description: 'the report file; its extension picks the format: .html, .pdf (headless Chromium), .json (the model), .csv (one file per table: <name>-<table>.csv)' },
    sections: { type: 'string', multiple: true, valueName: 'list', description: 'sections to include, comma-separated: capacity,scaling,dr (default: all)' },
    title: { type: 'string', valueName: 'text', description: 'the report title (default: "<system>: Capacity review, scaling decision and DR sign-off")' },
    'prepared-by': { type: 'string', valueName: 'name', description: 'sign-off block: who prepared the report' },
    'reviewed-by': { type: 'string', valueName: 'name', description: 'sign-off block: who reviewed it' },
    decision: { type: 'string', valueName: 'text', description: 'sign-off block: the decision taken' },
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'sign-off block: the date of the decision' },
    horizon: { type: 'string', valueName: 'dur', description: 'scaling horizon: 12mo, 24mo, 3y (default: the system’s)' },
    confidence: { type: 'string', valueName: 'p50|p90', description: 'plan scaling for the P50 or P90 load (default p90)' },
    pricing: { type: 'string', valueName: 'kind', description: 'on-demand (default) or committed prices' },
    verify: { type: 'string', valueName: 'report.html|json', description: 'recompute a report from --workspace and say whether every value still matches' },
    json: { type: 'boolean', description: 'with --verify: print {"matches","compared","differences":[{"path","stored","recomputed"}],"reasons","sourceFiles"}' },
  },
  details: [
    'The HTML is self-contained: inline SVG charts, no script, no external resource, a',
    'Content-Security-Policy that forbids both, and a print stylesheet (A4). It carries',
    'its model (the JSON) base64 in <meta name="headroom-report">, so --verify works on',
    'the HTML as well as on the JSON. --verify recomputes with the report\'s parameters',
    '(sections, horizon, confidence, pricing, seed) and compares every value but the',
    'generation time, title and sign-off; it exits 0 when all match, 1 when some differ',
    '(naming the first ones and the likely cause). PDF needs Chromium: $HEADROOM_CHROMIUM,',
    '/usr/bin/chromium, or chromium/google-chrome on the PATH. See docs/reports.md.',
  ].join('\n'),
  async run(parsed) {
    const verifyPath = stringOption(parsed, 'verify');
    if (verifyPath !== undefined) return verify(parsed, verifyPath);
    if (parsed.values['json'] === true) throw new UsageError('--json goes with --verify; to write the report as JSON, use --out report.json', 'report');
    return generate(parsed);
  },
};

function parseSections(parsed: ParsedCommand): SectionId[] {
  const raw = listOption(parsed, 'sections').flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  if (raw.length === 0) return [...SECTION_IDS];
  const sections: SectionId[] = [];
  for (const name of raw) {
    const id = SECTION_IDS.find((s) => s === name);
    if (id === undefined) throw new UsageError(`--sections: '${name}' is not a section; choose from ${SECTION_IDS.join(', ')}`, 'report');
    if (!sections.includes(id)) sections.push(id);
  }
  return sections;
}

function parseParameters(parsed: ParsedCommand): ReportParameters {
  const horizon = stringOption(parsed, 'horizon');
  if (horizon !== undefined && !/^\d+(mo|y)$/.test(horizon)) throw new UsageError(`--horizon: '${horizon}' is not a number of months or years such as 24mo or 2y`, 'report');
  const confidence = stringOption(parsed, 'confidence') ?? DEFAULT_PARAMETERS.confidence;
  if (confidence !== 'p50' && confidence !== 'p90') throw new UsageError(`--confidence: '${confidence}' is neither p50 nor p90`, 'report');
  const pricing = stringOption(parsed, 'pricing') ?? DEFAULT_PARAMETERS.pricing;
  if (pricing !== 'on-demand' && pricing !== 'committed') throw new UsageError(`--pricing: '${pricing}' is neither on-demand nor committed`, 'report');
  return { ...DEFAULT_PARAMETERS, sections: parseSections(parsed), horizon: horizon ?? null, confidence, pricing };
}

function assemble(workspace: string, options: Omit<Parameters<typeof assembleReport>[1], 'workspaceFile' | 'onProgress'>): ReportModel {
  const db = openForReading(workspace);
  const progress = createProgressLine();
  try {
    return assembleReport(db, { ...options, workspaceFile: basename(workspace), onProgress: (phase) => progress.update(`${phase}…`) });
  } finally {
    progress.clear();
    db.close();
  }
}

/** Writes through a temporary file, so that an interrupted run never leaves half a report. */
function writeAtomically(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

async function generate(parsed: ParsedCommand): Promise<number> {
  const started = performance.now();
  const workspace = requiredString(parsed, 'workspace', 'report');
  const out = requiredString(parsed, 'out', 'report');
  const format = FORMATS[extname(out).toLowerCase()];
  if (format === undefined) throw new UsageError(`--out: '${out}' must end in .html, .pdf, .json or .csv (the extension picks the format)`, 'report');
  if (!existsSync(dirname(out) === '' ? '.' : dirname(out))) throw new InputError(`${out}: the folder ${dirname(out)} does not exist`);
  const parameters = parseParameters(parsed);
  // Fail before minutes of work, not after.
  const chromium = format === 'pdf' ? findChromium() : null;
  if (format === 'pdf' && chromium === null) throw new InputError(new PdfRendererMissing().message);
  const model = assemble(workspace, {
    parameters,
    title: stringOption(parsed, 'title'),
    signOff: { preparedBy: stringOption(parsed, 'prepared-by') ?? '', reviewedBy: stringOption(parsed, 'reviewed-by') ?? '', decision: stringOption(parsed, 'decision') ?? '', date: stringOption(parsed, 'date') ?? '' },
  });
  let written = out;
  let pages: number | null = null;
  if (format === 'html') writeAtomically(out, renderReportHtml(model));
  else if (format === 'json') writeAtomically(out, `${JSON.stringify(model, null, 2)}\n`);
  else if (format === 'csv') {
    const stem = out.slice(0, -extname(out).length);
    const tables = renderReportCsv(model);
    for (const table of tables) writeAtomically(`${stem}-${table.name}.csv`, table.csv);
    written = `${tables.length} tables (${basename(stem)}-${tables[0]?.name ?? ''}.csv, …)`;
  } else {
    try {
      const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
      pages = (await renderPdf(renderReportHtml(model), temporary, { chromium: chromium ?? undefined })).pages;
      renameSync(temporary, out);
    } catch (error) {
      if (error instanceof PdfRendererMissing || error instanceof PdfRenderFailed) throw new InputError(error.message);
      throw error;
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const unavailable = model.sections.filter((s) => s.status === 'unavailable').map((s) => s.id);
  process.stdout.write(`wrote ${written}${pages === null ? '' : ` (${pages} page${pages === 1 ? '' : 's'})`}: ${model.sections.map((s) => s.id).join(', ')} in ${seconds} s${unavailable.length === 0 ? '' : `; without data for ${unavailable.join(', ')} (the report says why)`}\n`);
  return 0;
}

function readStoredReport(path: string): { model: ReportModel; html: string | null } {
  if (!existsSync(path)) throw new InputError(`${path}: no such report`);
  const text = readFileSync(path, 'utf8');
  const isHtml = /^\s*<(!doctype|html)/i.test(text);
  try {
    return { model: parseReportJson(isHtml ? extractEmbeddedModelJson(text) : text), html: isHtml ? text : null };
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}; --verify reads the .json or .html that \`headroom report\` wrote`);
  }
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

async function verify(parsed: ParsedCommand, reportPath: string): Promise<number> {
  const workspace = requiredString(parsed, 'workspace', 'report');
  if (stringOption(parsed, 'out') !== undefined) throw new UsageError('--verify and --out do not go together: verify reads a report, it writes none', 'report');
  const stored = readStoredReport(reportPath);
  const recomputed = assemble(workspace, { parameters: stored.model.meta.parameters, title: stored.model.meta.title, signOff: stored.model.signOff, generatedAt: stored.model.meta.generatedAt });
  const comparison = compareReports(stored.model, recomputed);
  const reasons = [...comparison.reasons];
  let htmlEdited = false;
  if (stored.html !== null && stored.model.meta.appVersion === recomputed.meta.appVersion && renderReportHtml(stored.model) !== stored.html) {
    htmlEdited = true;
    reasons.unshift('the HTML was edited after it was written: its content no longer matches the model it carries');
  }
  const sourceFiles = await checkSourceFiles(recomputed.provenance.imports, workspace);
  const matches = comparison.matches && !htmlEdited;
  if (parsed.values['json'] === true) {
    process.stdout.write(`${JSON.stringify({ matches, compared: comparison.compared, differences: comparison.differences, reasons, htmlEdited, sourceFiles }, null, 2)}\n`);
    return matches ? 0 : 1;
  }
  process.stdout.write(verdictText(reportPath, workspace, stored.model, comparison, reasons, matches, sourceFiles));
  if (!matches) throw new InputError(`${reportPath} no longer matches ${workspace} (details above)`);
  return 0;
}

function verdictText(reportPath: string, workspace: string, stored: ReportModel, comparison: ReportComparison, reasons: readonly string[], matches: boolean, sourceFiles: readonly SourceFileCheck[]): string {
  const lines: string[] = [];
  const made = `made ${stored.meta.generatedAt} by Headroom ${stored.meta.appVersion}`;
  if (matches) {
    lines.push(`${reportPath} matches ${workspace}: all ${comparison.compared.toLocaleString('en-US')} values recomputed alike (${made})`);
  } else {
    const count = comparison.differences.length;
    lines.push(`${reportPath} does not match ${workspace}: ${count === 0 ? `all ${comparison.compared.toLocaleString('en-US')} values match, but the file was changed` : `${count}${count >= 200 ? '+' : ''} of ${comparison.compared.toLocaleString('en-US')} values differ`} (${made})`);
    for (const reason of reasons) lines.push(`why: ${reason}`);
    for (const d of comparison.differences.slice(0, SHOWN_DIFFERENCES)) lines.push(`  ${d.path}: report ${show(d.stored)}, now ${show(d.recomputed)}${d.alsoInArray === undefined ? '' : ` (and ${d.alsoInArray} more in this series)`}`);
    if (count > SHOWN_DIFFERENCES) lines.push(`  … and ${count - SHOWN_DIFFERENCES}${count >= 200 ? '+' : ''} more (--json lists up to 200)`);
  }
  const found = sourceFiles.filter((f) => f.state !== 'not-found');
  if (found.length > 0) {
    const differing = found.filter((f) => f.state === 'differs');
    lines.push(`source files: ${found.length} of ${sourceFiles.length} found${differing.length === 0 ? ', each with its recorded SHA-256' : `; changed since import: ${differing.map((f) => f.file).join(', ')}`}`);
  }
  return `${lines.join('\n')}\n`;
}
