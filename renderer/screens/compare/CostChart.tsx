import { useMemo, useRef } from 'react';
import { ChartExport } from '../../charts/ChartExport.js';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScalingOption } from '../../../shared/capacity/scaling/scaling-types.js';
import { formatMoney, formatMoneyTick, formatMonth } from './compare-format.js';

interface Props {
  readonly options: readonly ScalingOption[];
  readonly monthStartsMs: readonly number[];
  readonly recommended: string | null;
  readonly colors: ReadonlyMap<string, string>;
  readonly pricing: string;
}

type Row = { readonly month: string } & Record<string, number | string>;

const TICK = { fontSize: 11, fill: '#5b6470' } as const;

/** Monthly cost of every option over the horizon: the recommended one bold, options that fail dashed. */
export function CostChart({ options, monthStartsMs, recommended, colors, pricing }: Props) {
  const figure = useRef<HTMLElement>(null);
  const rows = useMemo<Row[]>(
    () =>
      monthStartsMs.map((ms, m) => {
        const row: Record<string, number | string> = { month: formatMonth(ms) };
        options.forEach((option, i) => {
          const cost = option.monthlyCost[m];
          if (cost !== undefined && Number.isFinite(cost)) row[`o${i}`] = cost;
        });
        return row as Row;
      }),
    [options, monthStartsMs],
  );
  // Options with the same costs every month draw one line; the legend says so.
  const sameAs = useMemo(() => {
    const found = new Map<string, string>();
    options.forEach((option, i) => {
      const twin = options.find((other, j) => j !== i && (other.name === recommended || j < i) && other.monthlyCost.length === option.monthlyCost.length && other.monthlyCost.every((c, k) => c === option.monthlyCost[k]));
      if (twin !== undefined && option.name !== recommended) found.set(option.name, twin.name);
    });
    return found;
  }, [options, recommended]);
  const currency = options[0]?.currency ?? '';
  // The recommended line last, so it is drawn on top.
  const order = options.map((option, i) => ({ option, i })).sort((a, b) => Number(a.option.name === recommended) - Number(b.option.name === recommended));
  return (
    <section className="panel" aria-labelledby="cmp-cost-title">
      <div className="panel-head">
        <h2 id="cmp-cost-title">Cost over time</h2>
        <span className="muted">per month, {pricing} prices, {currency}</span>
        <ChartExport target={figure} name="scaling-options-cost" />
      </div>
      <figure ref={figure} className="cmp-chart" data-testid="cost-chart" aria-label={`Monthly cost of ${options.length} scaling options over ${monthStartsMs.length} months`}>
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={rows} margin={{ top: 10, right: 24, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="month" tick={TICK} stroke="#b8bec6" interval="preserveStartEnd" minTickGap={24} />
            <YAxis width={64} tick={TICK} stroke="#b8bec6" tickFormatter={(v: number) => formatMoneyTick(v, currency)} domain={[0, 'auto']} />
            <Tooltip
              isAnimationActive={false}
              itemSorter={(item) => -Number(item.value ?? 0)}
              formatter={(value, name) => [formatMoney(Number(value), currency), name]}
              contentStyle={{ fontSize: 12 }}
            />
            {order.map(({ option, i }) => (
              <Line
                key={option.name}
                dataKey={`o${i}`}
                name={option.name}
                type="stepAfter"
                stroke={colors.get(option.name) ?? '#333333'}
                strokeWidth={option.name === recommended ? 3.5 : 1.5}
                {...(option.feasible ? {} : { strokeDasharray: '6 4' })}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <ul className="cmp-legend" aria-label="Options in the chart">
        {options.map((option) => (
          <li key={option.name} className={option.name === recommended ? 'recommended' : undefined}>
            <svg width="26" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="26" y2="5" stroke={colors.get(option.name)} strokeWidth={option.name === recommended ? 3.5 : 2} strokeDasharray={option.feasible ? undefined : '6 4'} />
            </svg>
            {option.name}
            {option.feasible ? '' : <span className="muted"> (fails a target)</span>}
            {sameAs.has(option.name) ? <span className="muted"> (same costs as {sameAs.get(option.name)})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
