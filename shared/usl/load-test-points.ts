import type { UslPoint } from './fit-usl.js';

/**
 * Reads load-test results for a USL fit from delimited text, the way people keep them:
 * a spreadsheet export or a hand-written file with concurrency (users, threads, nodes)
 * in the first column and throughput in the second. Header names are free (or absent),
 * the delimiter is a comma, semicolon or tab (detected), lines starting with `#` are
 * comments, further columns (latency, notes) are ignored. With `;` or tab as delimiter a
 * decimal comma (`1234,5`) is accepted, as European spreadsheets write it.
 *
 * Problems come back as a value, not an exception, naming the line, the column and how to
 * fix it, so a CLI can print the one line and a UI can point at the cell.
 */

/** The parsed points and what the reader decided about the file. */
export interface LoadTestPoints {
  readonly points: readonly UslPoint[];
  /** Header names of the first two columns, or the defaults when the file has no header. */
  readonly concurrencyLabel: string;
  readonly throughputLabel: string;
  readonly delimiter: ',' | ';' | '\t';
  /** Line numbers (1-based) of the points, aligned with `points`, for reports that point back at the file. */
  readonly lines: readonly number[];
  /** Caveats that do not stop a fit (too few points for confidence intervals). */
  readonly warnings: readonly string[];
}

/** Where and why the text could not be read. */
export interface LoadTestInputError {
  /** 1-based line, or undefined for a problem with the file as a whole (too few load levels). */
  readonly line: number | undefined;
  /** 1-based column, when one cell is at fault. */
  readonly column: number | undefined;
  /** The column's name (header or default), when one cell is at fault. */
  readonly field: string | undefined;
  /** One sentence: where, what, how to fix. */
  readonly message: string;
}

export type LoadTestPointsResult = { readonly ok: true; readonly value: LoadTestPoints } | { readonly ok: false; readonly error: LoadTestInputError };

/** The USL has three coefficients: fewer distinct load levels cannot determine them. */
export const MIN_DISTINCT_CONCURRENCIES = 3;
/** With 3 points the fit is exact and leaves no residual error to build intervals from. */
export const MIN_POINTS_FOR_INTERVALS = 4;

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * Parses concurrency/throughput pairs from CSV-like text.
 * @param text the whole file
 * @returns `{ ok: true, value }` with at least 3 distinct concurrencies, or `{ ok: false, error }` naming line, column and fix
 * @example loadTestPoints('nodes,qps\n1,100\n2,190\n4,350\n').ok // true
 * @example loadTestPoints('n,x\n1,100\n2,abc\n4,350\n') // { ok: false, error: { line: 3, column: 2, field: 'x', message: "line 3, column 2 (x): 'abc' is not a number — …" } }
 */
export function loadTestPoints(text: string): LoadTestPointsResult {
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const content = rawLines.flatMap((raw, index) => {
    const trimmed = raw.trim();
    return trimmed === '' || trimmed.startsWith('#') ? [] : [{ line: index + 1, text: raw }];
  });
  const first = content[0];
  if (first === undefined) return failure(undefined, undefined, undefined, 'the file has no data: write one line per load level with concurrency in the first column and throughput in the second, e.g. "8,1520"');
  const delimiter = detectDelimiter(first.text);
  const decimalComma = delimiter !== ',';
  const firstCells = splitCells(first.text, delimiter);
  // A header names its columns; a first line with one number and one bad cell is data with an error, reported as such.
  const hasHeader = firstCells.slice(0, 2).every((cell) => parseNumber(cell, decimalComma) === undefined);
  const expectedColumns = firstCells.length;
  const concurrencyLabel = (hasHeader && firstCells[0]) || 'concurrency';
  const throughputLabel = (hasHeader && firstCells[1]) || 'throughput';
  const labels = [concurrencyLabel, throughputLabel] as const;
  const delimiterName = delimiter === '\t' ? 'a tab' : `'${delimiter}'`;

  const points: UslPoint[] = [];
  const lines: number[] = [];
  for (const { line, text: lineText } of hasHeader ? content.slice(1) : content) {
    const cells = splitCells(lineText, delimiter);
    if (cells.length < 2) {
      return failure(line, undefined, undefined, `line ${line}: expected 2 columns (${concurrencyLabel}, ${throughputLabel}) separated by ${delimiterName}, found ${cells.length === 1 && cells[0] === '' ? 'none' : '1'} — put concurrency and throughput on the same line, or start the line with # to skip it`);
    }
    if (cells.length > expectedColumns) {
      // With ',' as delimiter, "1,1234,5" would otherwise read silently as throughput 1234.
      return failure(line, undefined, undefined, `line ${line}: ${cells.length} columns where line ${first.line} has ${expectedColumns} — if a value has a decimal comma, write it with a dot or separate the columns with ;`);
    }
    const values: number[] = [];
    for (let column = 0; column < 2; column++) {
      const cell = cells[column] as string;
      const field = labels[column] as string;
      const where = `line ${line}, column ${column + 1} (${field})`;
      const value = parseNumber(cell, decimalComma);
      if (value === undefined) {
        const shown = cell === '' ? 'the cell is empty' : `'${cell}' is not a number`;
        return failure(line, column + 1, field, `${where}: ${shown} — write a plain decimal such as 1520 or 1520.5 (no units or thousands separators), or start the line with # to skip it`);
      }
      if (column === 0 && !(value > 0)) return failure(line, 1, field, `${where}: concurrency must be greater than 0, got ${cell} — use the number of concurrent users, threads or nodes of that run`);
      if (column === 1 && value < 0) return failure(line, 2, field, `${where}: throughput cannot be negative, got ${cell} — use the completed operations per unit time of that run`);
      values.push(value);
    }
    points.push({ concurrency: values[0] as number, throughput: values[1] as number });
    lines.push(line);
  }

  const distinct = new Set(points.map((p) => p.concurrency)).size;
  if (distinct < MIN_DISTINCT_CONCURRENCIES) {
    return failure(undefined, undefined, undefined, `found ${points.length} point(s) at ${distinct} distinct ${concurrencyLabel} value(s); the USL fit needs at least ${MIN_DISTINCT_CONCURRENCIES} distinct load levels (better 6 or more, spread up to and past the expected peak) — add measurements at more concurrency levels`);
  }
  if (!points.some((p) => p.throughput > 0)) return failure(undefined, undefined, undefined, `every ${throughputLabel} value is 0: the fit needs measured throughput — check that the second column holds throughput`);
  const warnings: string[] = [];
  if (points.length < MIN_POINTS_FOR_INTERVALS) warnings.push(`${points.length} points fit the 3 coefficients exactly: no confidence intervals (measure at least ${MIN_POINTS_FOR_INTERVALS} points)`);
  return { ok: true, value: { points, concurrencyLabel, throughputLabel, delimiter, lines, warnings } };
}

function failure(line: number | undefined, column: number | undefined, field: string | undefined, message: string): LoadTestPointsResult {
  return { ok: false, error: { line, column, field, message } };
}

/** Tab if the line has one, else semicolon if it has one, else comma: a tab or ';' line rarely contains the others as data. */
function detectDelimiter(line: string): ',' | ';' | '\t' {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return ',';
}

/** Splits one line; surrounding spaces and one pair of double quotes around a cell are dropped. */
function splitCells(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) => {
    const trimmed = cell.trim();
    return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
  });
}

function parseNumber(cell: string, decimalComma: boolean): number | undefined {
  const text = decimalComma && DECIMAL_COMMA.test(cell) ? cell.replace(',', '.') : cell;
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
