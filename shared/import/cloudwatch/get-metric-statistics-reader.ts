import { formatIsoUtc } from '../../time/format-iso.js';
import { cloudWatchUnit } from '../../units/vendor-units.js';
import type { ImportSink } from '../import-types.js';
import { jsonSnippet } from '../json-snippet.js';
import { unitOverride } from '../unit-override.js';
import type { ImportTally } from '../import-tally.js';
import type { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { field, isObject, stringField } from '../json/json-access.js';
import type { JsonObject, JsonValue } from '../json/streaming-json.js';
import { cloudWatchTimeMs } from './cloudwatch-timestamp.js';

/** The statistics a datapoint carries as keys (API reference, `Datapoint`), in report order. */
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;

/** One get-metric-statistics response (one document; a file may hold an array of them). */
interface Response {
  readonly document: JsonObject;
  /** Datapoints kept until `Label` is read: the CLI prints it after `Datapoints`. */
  deferred: { readonly element: JsonValue; readonly line: number }[] | undefined;
  label: string;
  readonly handles: Map<string, number>;
  /** Statistic → the `Unit` its series was declared with (to report a change). */
  readonly vendorUnits: Map<string, string>;
  /** Statistic → datapoints that carry it (the others are gaps). */
  readonly occurrences: Map<string, number>;
  /** Datapoints with a readable timestamp. */
  timedRows: number;
}

/**
 * Reads the `Datapoints` of `aws cloudwatch get-metric-statistics` JSON
 * (`{"Datapoints":[{"Timestamp","Maximum","Unit"}…],"Label"}`): one series per statistic
 * key present — `Label{statistic="Maximum"}`, and `Label{statistic="p99"}` for the keys of
 * `ExtendedStatistics` — in the unit `Unit` names (cloudWatchUnit; an unknown name is kept
 * as written and reported). `SampleCount` counts samples, so it is in 'count' whatever
 * `Unit` says. A value whose `Unit` differs from the first of its statistic is refused (the
 * API returns every unit a metric was published with when the query names none). Datapoints come unsorted, as the API returns them; a statistic absent from a
 * datapoint that other datapoints carry is a gap.
 *
 * Because the CLI prints `Label` after `Datapoints`, a response's datapoints are kept
 * until {@link finish} when its label is not known yet (the API returns at most 1,440
 * datapoints per call); when `Label` comes first they are read as they arrive.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html
 * https://github.com/aws/aws-cli/blob/develop/awscli/examples/cloudwatch/get-metric-statistics.rst
 * @example
 * const reader = new GetMetricStatisticsReader(sink, new SeriesHandles(sink), tally, 'cpu');
 * reader.datapoint({ Timestamp: '2014-02-19T00:18:00Z', Maximum: 0.33, Unit: 'Percent' }, document, 4);
 * reader.finish(); // declares CPUUtilization{statistic="Maximum"} in '%' once Label is known
 */
export class GetMetricStatisticsReader {
  private readonly responses = new Map<JsonObject, Response>();

  /**
   * @param handles declares each series once (shared with the GetMetricData reader)
   * @param fallbackName the series base name when a response has no `Label`
   * @param units the user's units by series name or base name (`--unit`); they win over `Unit`
   */
  constructor(
    private readonly sink: ImportSink,
    private readonly handles: SeriesHandles,
    private readonly tally: ImportTally,
    private readonly fallbackName: string,
    private readonly units?: Readonly<Record<string, string>>,
  ) {}

  /**
   * One element of a `Datapoints` array.
   * @param document the response object holding the array, as read so far
   * @param line the line where the datapoint ends
   */
  datapoint(element: JsonValue, document: JsonObject, line: number): void {
    let response = this.responses.get(document);
    if (response === undefined) {
      const labelKnown = Object.hasOwn(document, 'Label');
      response = {
        document,
        deferred: labelKnown ? undefined : [],
        label: labelKnown ? this.labelOf(document) : '',
        handles: new Map(),
        vendorUnits: new Map(),
        occurrences: new Map(),
        timedRows: 0,
      };
      this.responses.set(document, response);
    }
    if (response.deferred !== undefined) response.deferred.push({ element, line });
    else this.read(response, element, line);
  }

  /** Reads the kept datapoints (every `Label` is known now), counts gaps, and notes what was read. */
  finish(): void {
    for (const response of this.responses.values()) {
      const deferred = response.deferred;
      if (deferred !== undefined) {
        response.label = this.labelOf(response.document);
        response.deferred = undefined;
        for (const { element, line } of deferred) this.read(response, element, line);
      }
      // max(0, …): an ExtendedStatistics key may repeat a statistic key (`"Maximum"`) in one datapoint.
      for (const count of response.occurrences.values()) this.tally.cellsMissing += Math.max(0, response.timedRows - count);
      const statistics = [...response.occurrences.keys()];
      this.tally.note(
        `CloudWatch get-metric-statistics: label '${response.label}', statistic${statistics.length === 1 ? '' : 's'} ${statistics.join(', ') || '(none)'}; datapoints read in the API's unsorted order`,
      );
    }
  }

  private labelOf(document: JsonObject): string {
    const label = stringField(document, 'Label');
    if (label !== undefined && label.trim().length > 0) return label;
    this.tally.note(`a get-metric-statistics response has no Label: its series are named '${this.fallbackName}' after the file`);
    return this.fallbackName;
  }

  private read(response: Response, element: JsonValue, line: number): void {
    this.tally.rowsRead++;
    if (!isObject(element)) {
      this.tally.rejectRow(line, `a datapoint of '${response.label}' is ${jsonSnippet(element)}, not an object`);
      return;
    }
    const stamp = field(element, 'Timestamp');
    const timeMs = cloudWatchTimeMs(stamp);
    if (Number.isNaN(timeMs)) {
      const why = stamp === undefined ? ' has no Timestamp' : `: Timestamp ${jsonSnippet(stamp)} is not an ISO-8601 time or epoch number`;
      this.tally.rejectRow(line, `a datapoint of '${response.label}'${why}`);
      return;
    }
    response.timedRows++;
    const unit = stringField(element, 'Unit');
    let points = 0;
    let refused = 0;
    for (const statistic of STATISTICS) {
      if (!Object.hasOwn(element, statistic)) continue;
      const outcome = this.value(response, statistic, element[statistic], timeMs, unit, line);
      if (outcome === 1) points++;
      else if (outcome < 0) refused++;
    }
    const extended = field(element, 'ExtendedStatistics');
    if (isObject(extended)) {
      for (const statistic of Object.keys(extended)) {
        const outcome = this.value(response, statistic, extended[statistic], timeMs, unit, line);
        if (outcome === 1) points++;
        else if (outcome < 0) refused++;
      }
    }
    this.tally.pointsRead += points;
    if (points === 0 && refused > 0) this.tally.rowsRejected++;
  }

  /** Adds one statistic's value: 1 when added, 0 for a gap, -1 when refused. */
  private value(response: Response, statistic: string, value: JsonValue | undefined, timeMs: number, unit: string | undefined, line: number): number {
    response.occurrences.set(statistic, (response.occurrences.get(statistic) ?? 0) + 1);
    if (value === null) {
      this.tally.cellsMissing++;
      return 0;
    }
    // Not finite: a string, an object, or a JSON number beyond the double range (1e999).
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.tally.rejectValue(line, `${seriesName(response.label, { statistic })} at ${formatIsoUtc(timeMs)}: ${jsonSnippet(value)} is not a finite number`);
      return -1;
    }
    let handle = response.handles.get(statistic);
    if (handle === undefined) {
      handle = this.declare(response, statistic, unit);
      response.handles.set(statistic, handle);
    } else if (statistic !== 'SampleCount' && (unit ?? '') !== response.vendorUnits.get(statistic)) {
      // CloudWatch returns every unit a metric was published with when the query names none:
      // a value in another unit would be wrong in this series, so it is refused, not mixed in.
      this.tally.rejectValue(line, `${seriesName(response.label, { statistic })} at ${formatIsoUtc(timeMs)}: Unit '${unit ?? ''}' differs from the series' '${response.vendorUnits.get(statistic) ?? ''}'`);
      return -1;
    }
    this.sink.addPoint(handle, timeMs, value);
    return 1;
  }

  private declare(response: Response, statistic: string, vendorUnit: string | undefined): number {
    response.vendorUnits.set(statistic, vendorUnit ?? '');
    let unit: string;
    if (statistic === 'SampleCount') {
      unit = 'count';
      if (vendorUnit !== undefined && vendorUnit !== 'Count' && vendorUnit !== 'None') {
        this.tally.note(`statistic SampleCount counts samples: imported in 'count', not in the metric's unit '${vendorUnit}'`);
      }
    } else {
      unit = vendorUnit === undefined ? '' : cloudWatchUnit(vendorUnit) ?? vendorUnit;
      if (vendorUnit !== undefined && cloudWatchUnit(vendorUnit) === undefined) {
        this.tally.note(`unit '${vendorUnit}' is not a CloudWatch unit; kept as written`);
      }
    }
    const origin = (STATISTICS as readonly string[]).includes(statistic) ? `Datapoints[].${statistic}` : `Datapoints[].ExtendedStatistics.${statistic}`;
    const labels = { statistic };
    return this.handles.handle(response.label, labels, unitOverride(this.units, seriesName(response.label, labels), response.label) ?? unit, origin);
  }
}
