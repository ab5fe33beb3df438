import { ImportFormatError, MAX_REPORTED_ISSUES, type ImportFileSummary, type ImportIssue } from './import-types.js';

/**
 * The counts and issues every parser keeps while it reads a file, and the summary it
 * ends with. One place, so that every format reports the same way: rows read, rows and
 * values refused (each named with its line and reason), gaps, points, notes.
 */
export class ImportTally {
  rowsRead = 0;
  rowsRejected = 0;
  cellsRejected = 0;
  cellsMissing = 0;
  pointsRead = 0;
  private readonly issues: ImportIssue[] = [];
  private readonly notes: string[] = [];

  /** Records a problem at a line (listed up to MAX_REPORTED_ISSUES; counts stay exact). */
  issue(line: number, reason: string): void {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ line, reason });
  }

  /** A row (record, datapoint) from which nothing was imported. */
  rejectRow(line: number, reason: string): void {
    this.rowsRejected++;
    this.issue(line, reason);
  }

  /** One value that is not a number (the rest of its row may still be imported). */
  rejectValue(line: number, reason: string): void {
    this.cellsRejected++;
    this.issue(line, reason);
  }

  /** How the file was read (detected format details, time zone, units), shown in the report. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  firstIssue(): ImportIssue | undefined {
    return this.issues[0];
  }

  /**
   * The file's summary.
   * @throws {ImportFormatError} when no point at all was read: naming the first problem
   *   if there was one, else `emptyReason` at `emptyLine`
   */
  summary(format: string, emptyLine: number, emptyReason: string): ImportFileSummary {
    if (this.pointsRead === 0) {
      const first = this.issues[0];
      if (first !== undefined) throw new ImportFormatError(first.line, `no value could be read; first problem: ${first.reason}`);
      throw new ImportFormatError(emptyLine, emptyReason);
    }
    return {
      format,
      rowsRead: this.rowsRead,
      rowsRejected: this.rowsRejected,
      cellsRejected: this.cellsRejected,
      cellsMissing: this.cellsMissing,
      pointsRead: this.pointsRead,
      issues: this.issues,
      notes: this.notes,
    };
  }
}
