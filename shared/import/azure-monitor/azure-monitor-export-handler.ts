import { ImportFormatError, type ImportSink } from '../import-types.js';
import type { ImportTally } from '../import-tally.js';
import { arrayField, isObject, stringField } from '../json/json-access.js';
import type { JsonExportHandler } from '../json/json-export-parser.js';
import type { JsonObject, JsonPathPattern, JsonValue } from '../json/streaming-json.js';
import { azureErrorMessage } from './azure-error-response.js';
import { AzureTimeseriesReader } from './azure-timeseries-reader.js';

/** Streamed arrays: a response's metrics' timeseries, then the same in a top-level array of responses. */
const STREAM_ARRAYS: readonly JsonPathPattern[] = [['value', '*', 'timeseries'], ['*', 'value', '*', 'timeseries']];

/**
 * The JSON export handler for Azure Monitor metrics (REST `Metrics - List`, also as saved by
 * `az monitor metrics list`): streams each metric's timeseries, one response or a top-level
 * array of responses; notes the interval, timespan, namespace and region, and metrics that
 * report an `errorCode`; refuses files that hold an error response.
 * https://learn.microsoft.com/en-us/rest/api/monitor/metrics/list
 * @example new JsonExportParser('azure-monitor', new AzureMonitorExportHandler(sink, tally, 'export'), tally, 'no data')
 */
export class AzureMonitorExportHandler implements JsonExportHandler {
  readonly streamArrays = STREAM_ARRAYS;
  /** What to say when no point was read; set by {@link finish} from what the file holds. */
  emptyReason = describeEmpty([]);
  private readonly reader: AzureTimeseriesReader;

  /**
   * @param fallbackName the series base name for metrics without a name (from the file name)
   * @param units the user's units by series name or base name (`--unit`)
   */
  constructor(sink: ImportSink, private readonly tally: ImportTally, fallbackName: string, units?: Readonly<Record<string, string>>) {
    this.reader = new AzureTimeseriesReader(sink, tally, fallbackName, units);
  }

  element(element: JsonValue, _patternIndex: number, ancestors: readonly JsonValue[], line: number): void {
    // The last ancestor is the metric whose `timeseries` array this is.
    const metric = ancestors[ancestors.length - 1];
    if (isObject(metric)) this.reader.timeseries(element, metric, line);
  }

  /** @throws {ImportFormatError} when a response in the file is an error response */
  finish(root: JsonValue): void {
    const responses = Array.isArray(root) ? root : [root];
    for (const response of responses) {
      const message = azureErrorMessage(response);
      // The whole file is the error response: line 1 is where it starts.
      if (message !== undefined) throw new ImportFormatError(1, `the file holds an Azure error response, not metrics: ${message}`);
    }
    this.reader.finish();
    // In finish, not as elements arrive: `namespace` and `resourceregion` may follow `value`.
    for (const response of responses) {
      if (!isObject(response)) continue;
      this.noteResponse(response);
      for (const metric of arrayField(response, 'value') ?? []) {
        const code = stringField(metric, 'errorCode');
        if (code === undefined || code === 'Success') continue;
        const message = stringField(metric, 'errorMessage');
        this.tally.note(`metric '${this.reader.metricName(metric)}' reports errorCode ${code}${message === undefined ? '' : `: ${message}`}`);
      }
    }
    this.emptyReason = describeEmpty(responses);
  }

  private noteResponse(response: JsonObject): void {
    const parts = [
      ['interval', stringField(response, 'interval')],
      ['timespan', stringField(response, 'timespan')],
      ['namespace', stringField(response, 'namespace')],
      ['region', stringField(response, 'resourceregion')],
    ].flatMap(([key, value]) => (value === undefined ? [] : [`${key} ${value}`]));
    if (parts.length > 0) this.tally.note(`Azure Monitor metrics: ${parts.join(', ')}`);
  }
}

function describeEmpty(responses: readonly JsonValue[]): string {
  const withValue = responses.filter((r) => isObject(r) && Object.hasOwn(r, 'value'));
  if (withValue.length === 0) {
    return 'no Azure Monitor metrics: expected the JSON of the Metrics - List REST API (`{"value":[{"name":{…},"unit","timeseries":[{"data":[…]}]}]}`)';
  }
  if (withValue.every((r) => (arrayField(r, 'value') ?? []).length === 0)) return '"value" is empty: no metric matched the query';
  const timespan = stringField(withValue[0], 'timespan');
  return `the metrics hold no data point (empty timeseries, or every aggregation absent)${timespan === undefined ? '' : ` in timespan ${timespan}`}`;
}
