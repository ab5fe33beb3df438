import { formatIsoUtc } from '../../time/format-iso.js';
import type { ImportSink } from '../import-types.js';
import { jsonSnippet } from '../json-snippet.js';
import { unitOverride } from '../unit-override.js';
import type { ImportTally } from '../import-tally.js';
import type { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { arrayField, isObject, stringField } from '../json/json-access.js';
import type { JsonObject, JsonValue } from '../json/streaming-json.js';
import { cloudWatchTimeMs } from './cloudwatch-timestamp.js';

/** How many per-result `Messages` the report lists. */
const MAX_MESSAGE_NOTES = 20;
/** How many names a note lists. */
const MAX_LISTED = 10;

/** Results of one GetMetricData page whose `StatusCode` is `PartialData`. */
interface Page {
  readonly partial: string[];
}

/**
 * Reads the `MetricDataResults` of GetMetricData JSON (`aws cloudwatch get-metric-data`):
 * columnar results `{"Id","Label","Timestamps":[…],"Values":[…],"StatusCode","Messages"}`,
 * where `Values[i]` belongs to `Timestamps[i]`, newest first by default
 * (`ScanBy TimestampDescending`). One series per result, named by `Label` (else `Id`);
 * when two results share a label, the later ones get an `id` label so they stay apart,
 * and the same `Id` on a later page continues its series. The response carries no unit,
 * so the series have none. `PartialData`, `NextToken`, `InternalError`/`Forbidden`
 * results and `Messages` are reported in the notes.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataResult.html
 * @example
 * const reader = new GetMetricDataReader(sink, new SeriesHandles(sink), tally, 'export');
 * reader.result({ Id: 'm1', Label: 'EstimatedCharges', Timestamps: ['2024-09-26T12:00:00+00:00'], Values: [542.38], StatusCode: 'Complete' }, page, 12);
 * reader.finish([page]); // EstimatedCharges: one point, 542.38 at 2024-09-26T12:00:00Z
 */
export class GetMetricDataReader {
  private readonly pages = new Map<JsonObject, Page>();
  /** Series base name → the `Id` of the first result that used it. */
  private readonly idByName = new Map<string, string>();
  private results = 0;
  private newestFirst = false;
  /** Ids of results without a Label, and results by unusual StatusCode: noted once, in finish. */
  private readonly unlabelled: string[] = [];
  private readonly byStatus = new Map<string, string[]>();
  private messageNotes = 0;

  /**
   * @param handles declares each series once (shared with the get-metric-statistics reader)
   * @param fallbackName the series base name when a result has neither `Label` nor `Id`
   * @param units the user's units by series name or base name (`--unit`): the response has none
   */
  constructor(
    private readonly sink: ImportSink,
    private readonly handles: SeriesHandles,
    private readonly tally: ImportTally,
    private readonly fallbackName: string,
    private readonly units?: Readonly<Record<string, string>>,
  ) {}

  /**
   * One element of a `MetricDataResults` array.
   * @param document the response (page) holding the array, as read so far
   * @param line the line where the result ends (values inside it have no line of their own)
   */
  result(element: JsonValue, document: JsonObject, line: number): void {
    let page = this.pages.get(document);
    if (page === undefined) {
      page = { partial: [] };
      this.pages.set(document, page);
    }
    this.results++;
    if (!isObject(element)) {
      this.tally.issue(line, `a MetricDataResults entry is ${jsonSnippet(element)}, not an object`);
      return;
    }
    const id = nonEmpty(stringField(element, 'Id'));
    const label = nonEmpty(stringField(element, 'Label'));
    const base = label ?? id ?? this.fallbackName;
    if (label === undefined && id !== undefined) this.unlabelled.push(id);
    else if (label === undefined) this.tally.note(`a result has neither Label nor Id: named '${base}' after the file`);
    const labels: Record<string, string> = {};
    if (id !== undefined) {
      const first = this.idByName.get(base);
      if (first === undefined) this.idByName.set(base, id);
      else if (first !== id) {
        labels['id'] = id;
        this.tally.note(`results '${first}' and '${id}' share the label '${base}': '${id}' is imported as ${seriesName(base, labels)}`);
      }
    }
    this.readValues(element, base, labels, id, line);
    this.readStatus(element, page, id ?? base);
  }

  /**
   * Notes what the pages say about completeness: `PartialData` with its `NextToken`, a
   * `NextToken` on the last page (more pages exist than the file holds), top-level `Messages`.
   * @param documents the file's responses in order (one, or the elements of a top-level array)
   */
  finish(documents: readonly JsonValue[]): void {
    const last = documents.findLast((d) => isObject(d) && Object.hasOwn(d, 'MetricDataResults'));
    for (const document of documents) {
      if (!isObject(document) || !Object.hasOwn(document, 'MetricDataResults')) continue;
      for (const message of arrayField(document, 'Messages') ?? []) this.tally.note(`GetMetricData message: ${messageText(message)}`);
      const token = nonEmpty(stringField(document, 'NextToken'));
      const partial = this.pages.get(document)?.partial ?? [];
      const more = token === undefined ? '' : `NextToken '${clip(token, 24)}': more pages exist${document === last ? ' that are not in this file' : ''}`;
      if (partial.length > 0) {
        const which = `result${partial.length === 1 ? '' : 's'} ${listed(partial)}`;
        this.tally.note(`partial data: ${which} returned StatusCode PartialData; ${token === undefined ? 'no NextToken was given (math expressions return none)' : more}`);
      } else if (token !== undefined && document === last) {
        this.tally.note(`partial data: ${more}`);
      }
    }
    if (this.unlabelled.length > 0) this.tally.note(`result${this.unlabelled.length === 1 ? '' : 's'} without a Label, named after ${this.unlabelled.length === 1 ? 'its' : 'their'} Id: ${listed(this.unlabelled)}`);
    for (const [status, names] of this.byStatus) this.tally.note(`${names.length === 1 ? 'result' : 'results'} ${listed(names)} returned StatusCode ${status}: values may be missing`);
    if (this.results === 0) return;
    const pageCount = documents.filter((d) => isObject(d) && Object.hasOwn(d, 'MetricDataResults')).length;
    this.tally.note(
      `CloudWatch GetMetricData: ${this.results} result${this.results === 1 ? '' : 's'}${pageCount > 1 ? ` on ${pageCount} pages` : ''}; GetMetricData returns no unit, so the series have none (set one with --unit)`,
    );
    if (this.newestFirst) this.tally.note('GetMetricData timestamps newest first (ScanBy TimestampDescending, the default)');
  }

  private readValues(element: JsonObject, base: string, labels: Readonly<Record<string, string>>, id: string | undefined, line: number): void {
    const timestamps = arrayField(element, 'Timestamps') ?? [];
    const values = arrayField(element, 'Values') ?? [];
    const count = Math.min(timestamps.length, values.length);
    let handle = -1;
    let points = 0;
    let firstMs = Number.NaN;
    let lastMs = Number.NaN;
    for (let i = 0; i < count; i++) {
      const timeMs = cloudWatchTimeMs(timestamps[i]);
      if (Number.isNaN(timeMs)) {
        this.tally.rejectRow(line, `${seriesName(base, labels)}: Timestamps[${i}] ${jsonSnippet(timestamps[i])} is not an ISO-8601 time or epoch number`);
        continue;
      }
      if (Number.isNaN(firstMs)) firstMs = timeMs;
      lastMs = timeMs;
      const value = values[i];
      if (typeof value === 'number' && Number.isFinite(value)) {
        if (handle < 0) handle = this.handles.handle(base, labels, unitOverride(this.units, seriesName(base, labels), base) ?? '', `MetricDataResults[Id=${id ?? base}]`);
        this.sink.addPoint(handle, timeMs, value);
        points++;
      } else if (value === null) {
        this.tally.cellsMissing++;
      } else {
        // The entry's only value is refused: nothing of the row is imported.
        this.tally.rejectValue(line, `${seriesName(base, labels)} at ${formatIsoUtc(timeMs)}: Values[${i}] ${jsonSnippet(value)} is not a finite number`);
        this.tally.rowsRejected++;
      }
    }
    this.tally.rowsRead += Math.max(timestamps.length, values.length);
    this.tally.pointsRead += points;
    if (firstMs > lastMs) this.newestFirst = true;
    if (timestamps.length !== values.length) {
      const unmatched = Math.abs(timestamps.length - values.length);
      this.tally.rowsRejected += unmatched;
      this.tally.issue(
        line,
        `${seriesName(base, labels)}: ${timestamps.length} Timestamps but ${values.length} Values; the ${unmatched} unmatched entr${unmatched === 1 ? 'y is' : 'ies are'} not imported`,
      );
    }
  }

  private readStatus(element: JsonObject, page: Page, name: string): void {
    const status = stringField(element, 'StatusCode');
    if (status === 'PartialData') page.partial.push(name);
    else if (status !== undefined && status !== 'Complete') {
      const names = this.byStatus.get(status) ?? [];
      names.push(name);
      this.byStatus.set(status, names);
    }
    for (const message of arrayField(element, 'Messages') ?? []) {
      // Bounded: a file of many pages can repeat a message per result.
      if (++this.messageNotes <= MAX_MESSAGE_NOTES) this.tally.note(`result '${name}': ${messageText(message)}`);
      else if (this.messageNotes === MAX_MESSAGE_NOTES + 1) this.tally.note(`more result messages are not listed`);
    }
  }
}

/** `'a', 'b', 'c'`, at most {@link MAX_LISTED} of them. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).map((n) => `'${n}'`).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

/** A `MessageData` (`{"Code","Value"}`) as text. */
function messageText(message: JsonValue): string {
  const code = stringField(message, 'Code');
  const value = stringField(message, 'Value');
  if (code === undefined && value === undefined) return jsonSnippet(message);
  return clip([code, value].filter((p) => p !== undefined).join(': '), 300);
}

function nonEmpty(text: string | undefined): string | undefined {
  return text !== undefined && text.trim().length > 0 ? text : undefined;
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
