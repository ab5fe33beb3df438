import type { ReportModel } from './report-model.js';

/**
 * Every table of a report as CSV (RFC 4180: comma, CRLF, quotes doubled), one file per
 * table, in long form where a table is a matrix (monthly costs: month, option, cost), so
 * that scripts and spreadsheets read them without reshaping.
 */

export interface CsvTable {
  /** kebab-case, used in the file name: `capacity-resources`. */
  readonly name: string;
  readonly csv: string;
}

type Cell = string | number | boolean | null;

/**
 * One CSV cell. A text cell that a spreadsheet would run as a formula (= + - @, tab, CR)
 * gets a leading apostrophe: a series name is data, never a formula.
 * @example csvCell('a,"b"') // '"a,""b"""'
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): CsvTable {
  return { name, csv: [header, ...rows].map((row) => row.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n' };
}

/** @example renderReportCsv(model).map((t) => t.name) // ['report', 'capacity-resources', …] */
export function renderReportCsv(model: ReportModel): CsvTable[] {
  const m = model.meta;
  const p = m.parameters;
  const tables: CsvTable[] = [
    table('report', ['key', 'value'], [
      ['title', m.title],
      ['system', m.system],
      ['workspace_file', m.workspaceFile],
      ['generated_at', m.generatedAt],
      ['app_version', m.appVersion],
      ['sections', p.sections.join(' ')],
      ['horizon', p.horizon],
      ['confidence', p.confidence],
      ['pricing', p.pricing],
      ['seed', p.seed],
      ['prepared_by', model.signOff.preparedBy],
      ['reviewed_by', model.signOff.reviewedBy],
      ['decision', model.signOff.decision],
      ['sign_off_date', model.signOff.date],
    ]),
  ];
  for (const s of model.sections) {
    if (s.status === 'unavailable') {
      tables.push(table(`${s.id}-unavailable`, ['section', 'reason'], [[s.id, s.reason]]));
      continue;
    }
    if (s.id === 'capacity') {
      tables.push(
        table(
          'capacity-resources',
          ['resource', 'id', 'kind', 'unit', 'statistic', 'artificial', 'capacity', 'target_pct', 'threshold', 'current', 'headroom_pct', 'status', 'runway_p10', 'runway_p50', 'runway_p90', 'horizon_end', 'binding', 'problem'],
          s.resources.map((r) => [r.resource, r.id, r.kind, r.unit, r.statistic, r.artificial, r.capacity, r.targetPct, r.threshold, r.current, r.headroomPct, r.status, r.runway.p10, r.runway.p50, r.runway.p90, r.horizonEnd, r.binding, r.problem]),
        ),
        table(
          'capacity-forecasts',
          ['resource', 'model', 'model_label', 'reason', 'step', 'aggregation', 'fit_start', 'mase', 'smape', 'coverage80', 'coverage95', 'backtest_origins', 'backtest_h'],
          s.forecasts.map((f) => [f.resource, f.model, f.modelLabel, f.reason, f.step, f.aggregation, f.fitStart, f.backtest?.mase ?? null, f.backtest?.smape ?? null, f.backtest?.coverage80 ?? null, f.backtest?.coverage95 ?? null, f.backtest?.origins ?? null, f.backtest?.h ?? null]),
        ),
      );
    } else if (s.id === 'scaling') {
      tables.push(
        table(
          'scaling-options',
          ['option', 'kind', 'recommended', 'feasible', 'meets_targets_through', 'first_month_cost', 'last_month_cost', 'total_cost', 'currency', 'cost_per_1000_qps_at_peak', 'actions', 'notes'],
          s.options.map((o) => [o.name, o.kind, o.recommended, o.feasible, o.meetsTargetsThrough, o.firstMonthCost, o.lastMonthCost, o.totalCost, s.currency, o.costPer1000QpsAtPeak, o.actions.map((a) => `${a.month} ${a.description}`).join('; '), o.notes.join('; ')]),
        ),
        table('scaling-monthly-costs', ['month', 'option', 'cost', 'currency'], s.options.flatMap((o) => s.months.map((month, i) => [month, o.name, o.monthlyCost[i] ?? null, s.currency] as const))),
        table('scaling-sensitivity', ['growth', 'recommended', 'total_cost'], s.sensitivity.map((x) => [x.growth, x.recommended, x.totalCost])),
        table('scaling-decision', ['option', 'decided_by', 'decided_at', 'note', 'recommended'], s.decision === null ? [] : [[s.decision.option, s.decision.decidedBy, s.decision.decidedAt, s.decision.note, s.recommended]]),
      );
    } else {
      tables.push(
        table(
          'dr-scenarios',
          ['scenario', 'id', 'rpo_target_s', 'rpo_p50_s', 'rpo_p95_s', 'rpo_p99_s', 'rpo_worst_s', 'p_meet_rpo', 'rpo_verdict', 'rto_target_s', 'rto_p50_s', 'rto_p95_s', 'rto_p99_s', 'rto_worst_s', 'p_meet_rto', 'rto_verdict', 'drivers'],
          s.scenarios.map((x) => [x.label, x.id, x.rpoTargetSeconds, x.rpo.p50, x.rpo.p95, x.rpo.p99, x.rpo.worst, x.pMeetRpo, x.rpoVerdict, x.rtoTargetSeconds, x.rto.p50, x.rto.p95, x.rto.p99, x.rto.worst, x.pMeetRto, x.rtoVerdict, x.drivers.map((d) => `${d.step} ${d.share}`).join('; ')]),
        ),
        table('dr-over-time', ['scenario', 'month', 'size_gib', 'rpo_worst_s', 'rto_worst_s', 'rto_mean_s'], s.scenarios.flatMap((x) => x.overTime.map((t) => [x.label, t.month, t.sizeGiB, t.rpoWorst, t.rtoWorst, t.rtoMean] as const))),
      );
    }
  }
  tables.push(
    table('assumptions', ['topic', 'value'], model.assumptions.map((a) => [a.topic, a.value])),
    table(
      'imports',
      ['file', 'format', 'size_bytes', 'sha256', 'imported_at', 'start', 'end', 'rows_read', 'rows_rejected', 'cells_rejected', 'statement_samples', 'points', 'series'],
      model.provenance.imports.map((f) => [f.file, f.format, f.sizeBytes, f.sha256, f.importedAt, f.start, f.end, f.rowsRead, f.rowsRejected, f.cellsRejected, f.statementSamples, f.points, f.series.join(' ')]),
    ),
    table('series', ['series', 'unit', 'points', 'start', 'end', 'resolution_seconds', 'gap_count'], model.provenance.series.map((x) => [x.name, x.unit, x.points, x.start, x.end, x.resolutionSeconds, x.gapCount])),
  );
  return tables;
}
