import { useBackendQuery } from '../../app/use-backend-query.js';

export interface ForecastSettings {
  readonly horizon: string;
  readonly model: 'auto' | 'linear' | 'log-linear' | 'logistic' | 'damped' | 'ets' | 'mstl' | 'theta' | 'drift' | 'snaive';
  readonly aggregation: 'mean' | 'max' | 'p95';
  readonly excludeOutliers: boolean;
  readonly fitFrom: 'last-break' | 'all';
}

export const DEFAULT_SETTINGS: ForecastSettings = { horizon: '90d', model: 'auto', aggregation: 'mean', excludeOutliers: false, fitFrom: 'last-break' };

const HORIZONS = ['7d', '30d', '90d', '6mo', '12mo', '18mo', '24mo'];
const AGGREGATIONS: readonly { id: ForecastSettings['aggregation']; label: string; title: string }[] = [
  { id: 'mean', label: 'Averages', title: 'forecast the mean of each step' },
  { id: 'p95', label: 'P95 peaks', title: 'forecast the 95th percentile of each step' },
  { id: 'max', label: 'Max peaks', title: 'forecast the maximum of each step' },
];

interface Props {
  readonly settings: ForecastSettings;
  readonly onChange: (settings: ForecastSettings) => void;
}

/** Horizon, model, what to forecast (averages or peaks), outliers and the fit window. */
export function ForecastControls({ settings, onChange }: Props) {
  const models = useBackendQuery('forecast.models', {}, '');
  const set = (change: Partial<ForecastSettings>): void => onChange({ ...settings, ...change });
  return (
    <div className="forecast-controls" role="toolbar" aria-label="Forecast settings">
      <label>
        Horizon{' '}
        <select aria-label="Horizon" value={settings.horizon} onChange={(e) => set({ horizon: e.target.value })}>
          {HORIZONS.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <label>
        Model{' '}
        <select aria-label="Model" value={settings.model} onChange={(e) => set({ model: e.target.value as ForecastSettings['model'] })}>
          {(models.data ?? [{ name: 'auto', description: 'automatic' }]).map((m) => (
            <option key={m.name} value={m.name} title={m.description}>
              {m.name === 'auto' ? 'automatic (best backtest)' : m.name}
            </option>
          ))}
        </select>
      </label>
      <div className="segmented" role="group" aria-label="Forecast averages or peaks">
        {AGGREGATIONS.map((a) => (
          <button key={a.id} type="button" title={a.title} className={settings.aggregation === a.id ? 'active' : ''} aria-pressed={settings.aggregation === a.id} onClick={() => set({ aggregation: a.id })}>
            {a.label}
          </button>
        ))}
      </div>
      <label>
        Fit window{' '}
        <select aria-label="Fit window" value={settings.fitFrom} onChange={(e) => set({ fitFrom: e.target.value as ForecastSettings['fitFrom'] })}>
          <option value="last-break">after the last structural break</option>
          <option value="all">all history</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={settings.excludeOutliers} onChange={(e) => set({ excludeOutliers: e.target.checked })} /> Exclude outliers
      </label>
    </div>
  );
}
