import { ImportFormatError, type ImportSink } from '../import-types.js';
import type { ImportTally } from '../import-tally.js';
import { arrayField, field, isObject, numberField, stringField } from '../json/json-access.js';
import type { JsonExportHandler } from '../json/json-export-parser.js';
import type { JsonPathPattern, JsonValue } from '../json/streaming-json.js';
import { gcpErrorMessage } from './gcp-error-response.js';
import { GcpTimeSeriesReader } from './gcp-timeseries-reader.js';

/** Streamed arrays: a response's time series, then the same in a top-level array of pages. */
const STREAM_ARRAYS: readonly JsonPathPattern[] = [['timeSeries'], ['*', 'timeSeries']];

/**
 * The JSON export handler for Cloud Monitoring `projects.timeSeries.list` responses
 * (ListTimeSeriesResponse), one page or a top-level array of pages: streams the time series,
 * notes `executionErrors` and a `nextPageToken` on the last page, and refuses files that
 * hold a Google API error response.
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list
 * @example new JsonExportParser('gcp-monitoring', new GcpMonitoringExportHandler(sink, tally, 'export'), tally, 'no data')
 */
export class GcpMonitoringExportHandler implements JsonExportHandler {
  readonly streamArrays = STREAM_ARRAYS;
  /** What to say when no point was read; set by {@link finish} from what the file holds. */
  emptyReason = describeEmpty([]);
  private readonly reader: GcpTimeSeriesReader;

  /**
   * @param fallbackName the series base name for time series without a metric type (from the file name)
   * @param units the user's units by series name or base name (`--unit`)
   */
  constructor(sink: ImportSink, private readonly tally: ImportTally, fallbackName: string, units?: Readonly<Record<string, string>>) {
    this.reader = new GcpTimeSeriesReader(sink, tally, fallbackName, units);
  }

  element(element: JsonValue, _patternIndex: number, ancestors: readonly JsonValue[], line: number): void {
    // The last ancestor is the page whose `timeSeries` array this is.
    const page = ancestors[ancestors.length - 1];
    if (isObject(page)) this.reader.timeSeries(element, page, line);
  }

  /** @throws {ImportFormatError} when a page in the file is an error response */
  finish(root: JsonValue): void {
    const pages = Array.isArray(root) ? root : [root];
    for (const page of pages) {
      const message = gcpErrorMessage(page);
      // The whole file is the error response: line 1 is where it starts.
      if (message !== undefined) throw new ImportFormatError(1, `the file holds a Google API error response, not time series: ${message}`);
    }
    this.reader.finish();
    const withSeries = pages.filter((p) => isObject(p) && Object.hasOwn(p, 'timeSeries'));
    for (const page of withSeries) {
      for (const error of arrayField(page, 'executionErrors') ?? []) {
        const code = numberField(error, 'code');
        this.tally.note(`execution error${code === undefined ? '' : ` (code ${code})`}: ${stringField(error, 'message') ?? JSON.stringify(field(error, 'details') ?? error)}`);
      }
    }
    const token = stringField(withSeries[withSeries.length - 1], 'nextPageToken');
    if (token !== undefined && token.length > 0) {
      this.tally.note(`nextPageToken '${token.length > 24 ? `${token.slice(0, 24)}…` : token}': more pages exist that are not in this file`);
    }
    if (this.reader.count > 0) {
      this.tally.note(
        `Google Cloud Monitoring timeSeries.list: ${this.reader.count} timeSeries entr${this.reader.count === 1 ? 'y' : 'ies'}${withSeries.length > 1 ? ` on ${withSeries.length} pages` : ''}; each point at its interval.endTime`,
      );
    }
    this.emptyReason = describeEmpty(pages);
  }
}

function describeEmpty(pages: readonly JsonValue[]): string {
  if (pages.some((p) => isObject(p) && Object.hasOwn(p, 'timeSeries'))) return 'the time series hold no point with a value';
  if (pages.some((p) => isObject(p) && (Object.hasOwn(p, 'nextPageToken') || Object.hasOwn(p, 'unit') || Object.keys(p).length === 0))) {
    return 'no time series: the query matched none in the requested interval (timeSeries.list leaves "timeSeries" out then)';
  }
  return 'no Cloud Monitoring time series: expected the JSON of projects.timeSeries.list (`{"timeSeries":[{"metric":{…},"resource":{…},"points":[…]}]}`)';
}
