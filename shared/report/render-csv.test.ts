import { describe, expect, it } from 'vitest';
import { csvCell, renderReportCsv } from './render-csv.js';
import { buildReport } from './report-model.js';
import { fixtureInputs } from './report-fixtures.js';

describe('renderReportCsv', () => {
  const tables = renderReportCsv(buildReport(fixtureInputs()));

  it('writes every table of the report', () => {
    expect(tables.map((t) => t.name)).toEqual(['report', 'capacity-resources', 'capacity-forecasts', 'scaling-options', 'scaling-monthly-costs', 'scaling-sensitivity', 'scaling-decision', 'dr-scenarios', 'dr-over-time', 'assumptions', 'imports', 'series']);
    const monthly = tables.find((t) => t.name === 'scaling-monthly-costs')?.csv.trim().split('\r\n') ?? [];
    // Long form: one row per option and month, after the header.
    expect(monthly).toHaveLength(1 + 2 * 3);
    expect(monthly[0]).toBe('month,option,cost,currency');
  });

  it('quotes by RFC 4180 and never lets a cell be read as a formula', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
