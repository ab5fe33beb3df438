import { datadogUnit } from '../../units/vendor-units.js';
import { isObject } from '../json/json-access.js';
import type { JsonValue } from '../json/streaming-json.js';

/**
 * The unit of a Datadog series from its `unit` field: a pair of unit objects
 * (numerator, denominator; `[{name:"byte"},{name:"second"}]` → B/s), either of which
 * may be null, or null as a whole
 * (https://docs.datadoghq.com/api/latest/metrics/query-timeseries-points/, `series.unit`).
 * Anything else in the field is read as "no unit" rather than refused.
 * @returns a unit symbol (catalog id, or Datadog's name when the catalog has none), or
 *   undefined when the series has no unit
 * @example datadogSeriesUnit([{ family: 'time', name: 'minute' }, null]) // 'min'
 * @example datadogSeriesUnit(null) // undefined
 */
export function datadogSeriesUnit(unit: JsonValue | undefined): string | undefined {
  if (!Array.isArray(unit)) return undefined;
  return datadogUnit(unit.map((part) => (isObject(part) ? part : null)));
}
