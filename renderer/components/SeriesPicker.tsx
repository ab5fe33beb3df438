import type { SeriesSummary } from '../../shared/api/types.js';
import { screenHref, type ScreenId } from '../app/screen-route.js';

interface Props {
  readonly screen: ScreenId;
  readonly series: readonly SeriesSummary[];
  readonly value: string | undefined;
  readonly label?: string;
}

/**
 * Chooses the series a per-series screen shows. The choice lives in the URL fragment
 * (`#forecast/cpu_pct`), so changing it is navigation: back returns to the last one.
 */
export function SeriesPicker({ screen, series, value, label = 'Series' }: Props) {
  return (
    <label className="series-picker">
      <span>{label}</span>
      <select
        aria-label={label}
        data-testid="series-picker"
        value={value ?? ''}
        onChange={(event) => {
          window.location.hash = screenHref(screen, event.target.value);
        }}
      >
        {value === undefined ? <option value="">Choose a series…</option> : null}
        {series.map((s) => (
          <option key={s.name} value={s.name}>
            {s.unit === '' ? s.name : `${s.name} (${s.unit})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The series to show when the fragment names none: the first whose name suggests the
 * screen's subject (CPU for workload), else the first.
 * @example defaultSeries(series, /cpu|qps/i)
 */
export function defaultSeries(series: readonly SeriesSummary[], preferred: RegExp): string | undefined {
  return (series.find((s) => preferred.test(s.name)) ?? series[0])?.name;
}
