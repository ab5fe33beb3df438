import { ImportFormatError, type ImportSink } from '../import-types.js';
import type { ImportTally } from '../import-tally.js';
import { SeriesHandles } from '../series-handles.js';
import { isObject, stringField } from '../json/json-access.js';
import type { JsonExportHandler } from '../json/json-export-parser.js';
import type { JsonPathPattern, JsonValue } from '../json/streaming-json.js';
import { cloudWatchErrorMessage } from './cloudwatch-error-response.js';
import { GetMetricDataReader } from './get-metric-data-reader.js';
import { GetMetricStatisticsReader } from './get-metric-statistics-reader.js';

/** Streamed arrays: a response's, then the same inside a top-level array of pages. */
const STREAM_ARRAYS: readonly JsonPathPattern[] = [['Datapoints'], ['*', 'Datapoints'], ['MetricDataResults'], ['*', 'MetricDataResults']];
const FIRST_DATA_PATTERN = 2;

/**
 * The JSON export handler for AWS CloudWatch: tells get-metric-statistics responses
 * (`Datapoints`) from GetMetricData responses (`MetricDataResults`) by the array each
 * element arrives in, for a single response or a top-level array of pages, and refuses
 * files that hold an AWS error response.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 * @example new JsonExportParser('cloudwatch', new CloudWatchExportHandler(sink, tally, 'cpu'), tally, 'no data')
 */
export class CloudWatchExportHandler implements JsonExportHandler {
  readonly streamArrays = STREAM_ARRAYS;
  /** What to say when no point was read; set by {@link finish} from what the file holds. */
  emptyReason = describeEmpty([]);
  private readonly statistics: GetMetricStatisticsReader;
  private readonly data: GetMetricDataReader;

  /**
   * @param fallbackName the series base name for responses that carry none (from the file name)
   * @param units the user's units by series name or base name (`--unit`)
   */
  constructor(sink: ImportSink, tally: ImportTally, fallbackName: string, units?: Readonly<Record<string, string>>) {
    const handles = new SeriesHandles(sink);
    this.statistics = new GetMetricStatisticsReader(sink, handles, tally, fallbackName, units);
    this.data = new GetMetricDataReader(sink, handles, tally, fallbackName, units);
  }

  element(element: JsonValue, patternIndex: number, ancestors: readonly JsonValue[], line: number): void {
    // The streamed arrays are fields of an object: the response, which the last ancestor is.
    const document = ancestors[ancestors.length - 1];
    if (!isObject(document)) return;
    if (patternIndex < FIRST_DATA_PATTERN) this.statistics.datapoint(element, document, line);
    else this.data.result(element, document, line);
  }

  /** @throws {ImportFormatError} when a response in the file is an AWS error response */
  finish(root: JsonValue): void {
    const documents = Array.isArray(root) ? root : [root];
    for (const document of documents) {
      const message = cloudWatchErrorMessage(document);
      // The whole file is the error response: line 1 is where it starts.
      if (message !== undefined) throw new ImportFormatError(1, `the file holds an AWS error response, not data: ${message}`);
    }
    this.statistics.finish();
    this.data.finish(documents);
    this.emptyReason = describeEmpty(documents);
  }
}

function describeEmpty(documents: readonly JsonValue[]): string {
  const statistics = documents.filter((d) => isObject(d) && Object.hasOwn(d, 'Datapoints'));
  if (statistics.length > 0) {
    const label = stringField(statistics[0], 'Label');
    return `Datapoints is empty: CloudWatch returned no data${label === undefined ? '' : ` for '${label}'`} in the requested period (check the time range, period, namespace and dimensions)`;
  }
  if (documents.some((d) => isObject(d) && Object.hasOwn(d, 'MetricDataResults'))) {
    return 'MetricDataResults holds no values: CloudWatch returned no data for the queries in the requested period';
  }
  return 'no CloudWatch data: expected the JSON of `aws cloudwatch get-metric-statistics` (a "Datapoints" array) or of GetMetricData (a "MetricDataResults" array)';
}
