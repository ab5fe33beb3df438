import { formatIsoUtc } from '../../time/format-iso.js';
import { findUnit } from '../../units/unit-catalog.js';
import type { ImportTally } from '../import-tally.js';
import type { ImportSink } from '../import-types.js';
import { arrayField, field, numberField, stringField } from '../json/json-access.js';
import type { JsonValue } from '../json/streaming-json.js';
import type { SeriesHandles } from '../series-handles.js';
import { seriesName } from '../series-naming.js';
import { jsonKind, jsonSnippet } from '../json-snippet.js';
import { unitOverride } from '../unit-override.js';
import { datadogSeriesUnit } from './datadog-series-unit.js';
import { datadogTagLabels, scopeTags } from './datadog-tags.js';

/** The largest time a Date holds (±8.64e15 ms, ECMA-262 §21.4.1.1). */
export const MAX_EPOCH_MS = 8.64e15;
/** Epoch ms below this (1973-03-03) are far more likely seconds written by mistake. */
export const SECONDS_SUSPECT_MS = 1e11;

/**
 * Reads the series of a Datadog metrics query v1 response (`GET /api/v1/query`,
 * https://docs.datadoghq.com/api/latest/metrics/query-timeseries-points/), one element
 * of `series` at a time: `pointlist` holds `[<epoch ms>, <value>|null]` pairs, where the
 * time may be a float (`1720000000000.0`) and null is a gap.
 *
 * A series is named by `metric` (else `expression`, else `display_name`, else the file)
 * with its `scope` tags as labels (`system.cpu.idle{env="test",host="foo"}`). When one
 * response holds two series of the same metric and scope but different expressions
 * (`avg:x{*}` and `max:x{*}`), the later ones also get an `expression` label, so they
 * are not merged into one.
 * @example
 * const v1 = new DatadogV1SeriesReader(sink, tally, new SeriesHandles(sink), 'cpu', undefined);
 * v1.read({ metric: 'system.cpu.idle', scope: 'host:foo', pointlist: [[1681683300000, 77.6]] }, 0, 3);
 */
export class DatadogV1SeriesReader {
  seriesCount = 0;
  /** `[time, value]` pairs seen, imported or not. */
  samplesSeen = 0;
  /** Distinct `interval`s (seconds between points), for the report. */
  readonly intervals = new Set<number>();
  /** Whether a time before 1973 was read (seconds mistaken for ms?). */
  sawEarlyTime = false;
  /** Whether two series needed an `expression` label to stay apart. */
  disambiguated = false;
  /** Datadog units the unit catalog does not know, kept as written. */
  readonly unknownUnits = new Set<string>();
  private readonly expressions = new Map<string, string>();

  /**
   * @param fileBase the series base when a series names no metric at all
   * @param units the user's unit mapping (series or base name → unit)
   */
  constructor(
    private readonly sink: ImportSink,
    private readonly tally: ImportTally,
    private readonly handles: SeriesHandles,
    private readonly fileBase: string,
    private readonly units: Readonly<Record<string, string>> | undefined,
  ) {}

  /**
   * Reads one element of `series`.
   * @param index its position in `series`, for the report
   * @param line the line where it ends (where its refused points are reported)
   */
  read(series: JsonValue, index: number, line: number): void {
    this.seriesCount++;
    const base = stringField(series, 'metric') ?? stringField(series, 'expression') ?? stringField(series, 'display_name') ?? this.fileBase;
    const scope = stringField(series, 'scope');
    const tagSet = arrayField(series, 'tag_set');
    let labels = datadogTagLabels(scope !== undefined ? scopeTags(scope) : (tagSet ?? []).filter((t): t is string => typeof t === 'string'));
    let name = seriesName(base, labels);
    const expression = stringField(series, 'expression') ?? '';
    const seen = this.expressions.get(name);
    if (seen === undefined) {
      this.expressions.set(name, expression);
    } else if (seen !== expression && expression.length > 0) {
      labels = { ...labels, expression };
      name = seriesName(base, labels);
      this.disambiguated = true;
    }
    const override = unitOverride(this.units, name, base);
    const fromDatadog = override === undefined ? datadogSeriesUnit(field(series, 'unit')) : undefined;
    if (fromDatadog !== undefined && findUnit(fromDatadog) === undefined) this.unknownUnits.add(fromDatadog);
    const unit = override ?? fromDatadog ?? '';
    const interval = numberField(series, 'interval');
    if (interval !== undefined && interval > 0) this.intervals.add(interval);

    const points = field(series, 'pointlist');
    if (!Array.isArray(points)) {
      if (points === null || points === undefined) this.tally.issue(line, `${name}: the series has no points (pointlist is ${points === null ? 'null' : 'missing'})`);
      else this.tally.rejectRow(line, `${name}: pointlist is ${jsonKind(points)}, not a list of [ <epoch ms>, <value> ] points`);
      return;
    }
    let handle = -1;
    const tally = this.tally;
    for (let i = 0; i < points.length; i++) {
      const point = points[i];
      tally.rowsRead++;
      this.samplesSeen++;
      if (!Array.isArray(point) || point.length < 2) {
        tally.rejectRow(line, `${name}: ${jsonSnippet(point)} is not a [ <epoch ms>, <value> ] point`);
        continue;
      }
      const time = point[0];
      if (typeof time !== 'number' || !(Math.abs(time) <= MAX_EPOCH_MS)) {
        tally.rejectRow(line, `${name}: timestamp ${jsonSnippet(time)} is not epoch milliseconds`);
        continue;
      }
      const ms = Math.round(time);
      if (Math.abs(ms) < SECONDS_SUSPECT_MS) this.sawEarlyTime = true;
      const value = point[1];
      if (value === null) {
        tally.cellsMissing++;
        continue;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        tally.rowsRejected++;
        tally.rejectValue(line, `${name} at ${formatIsoUtc(ms)}: ${jsonSnippet(value)} is not a number`);
        continue;
      }
      if (handle < 0) handle = this.handles.handle(base, labels, unit, `series[${index}]`);
      this.sink.addPoint(handle, ms, value);
      tally.pointsRead++;
    }
  }
}
