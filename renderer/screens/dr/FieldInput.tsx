import { WEEKDAYS } from '../../../shared/dr/dr-plan.js';
import { convertDistribution, distributionMode, durationEntry, hoursEntry, numberEntry, textOf, type DistributionMode } from './field-values.js';
import type { FieldKind } from './plan-fields.js';
import { TextEntry } from './TextEntry.js';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly input: FieldKind;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly invalid: boolean;
}

const MODE_LABELS: Readonly<Record<DistributionMode, string>> = { one: 'one value', range: 'min / likely / max', lognormal: 'median / P99' };
const PARTS: Readonly<Record<Exclude<DistributionMode, 'one'>, readonly string[]>> = { range: ['min', 'likely', 'max'], lognormal: ['p50', 'p99', 'max'] };

/** One plan value's input, by kind: text, number, duration, uncertain input, switch, choice, weekdays, hours. */
export function FieldInput({ id, label, input, value, onChange, invalid }: Props) {
  switch (input.kind) {
    case 'text':
      return <TextEntry id={id} label={label} invalid={invalid} width="20em" text={textOf(value)} onText={(t) => onChange(t.trim() === '' ? undefined : t)} />;
    case 'number':
      return <TextEntry id={id} label={label} invalid={invalid} width="7em" text={textOf(value)} onText={(t) => onChange(numberEntry(t))} />;
    case 'duration':
      return <TextEntry id={id} label={label} invalid={invalid} width="7em" placeholder="e.g. 15m" text={textOf(value)} onText={(t) => onChange(durationEntry(t))} />;
    case 'boolean':
      return <input id={id} type="checkbox" aria-label={label} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'select':
      return (
        <select id={id} aria-label={label} aria-invalid={invalid} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {input.nullable !== undefined || typeof value !== 'string' ? <option value="">{input.nullable ?? '—'}</option> : null}
          {input.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'hours':
      return <TextEntry id={id} label={label} invalid={invalid} width="7em" placeholder="e.g. 1, 13" text={textOf(value)} onText={(t) => onChange(hoursEntry(t))} />;
    case 'weekdays': {
      const chosen = new Set(Array.isArray(value) ? (value as unknown[]) : []);
      return (
        <span className="dr-weekdays" role="group" aria-label={label}>
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={chosen.has(day)}
                onChange={(e) => {
                  const next = WEEKDAYS.filter((d) => (d === day ? e.target.checked : chosen.has(d)));
                  onChange(next.length === 0 ? undefined : next);
                }}
              />
              {day}
            </label>
          ))}
        </span>
      );
    }
    case 'distribution': {
      const mode = distributionMode(value);
      const parse = input.quantity === 'time' ? durationEntry : numberEntry;
      const record = (value ?? {}) as Record<string, unknown>;
      return (
        <span className="dr-distribution">
          <select aria-label={`${label}: form`} value={mode} onChange={(e) => onChange(convertDistribution(value, e.target.value as DistributionMode))}>
            {(Object.keys(MODE_LABELS) as DistributionMode[]).map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
          {mode === 'one' ? (
            <TextEntry id={id} label={label} invalid={invalid} width="6em" placeholder={input.quantity === 'time' ? 'e.g. 30s' : ''} text={textOf(value)} onText={(t) => onChange(parse(t))} />
          ) : (
            PARTS[mode].map((part, i) => (
              <TextEntry
                key={part}
                id={i === 0 ? id : `${id}-${part}`}
                label={`${label} ${part}`}
                invalid={invalid}
                width="5em"
                placeholder={part}
                text={textOf(record[part])}
                onText={(t) => {
                  const value = parse(t);
                  onChange({ ...Object.fromEntries(Object.entries(record).filter(([k]) => k !== part)), ...(value === undefined ? {} : { [part]: value }) });
                }}
              />
            ))
          )}
        </span>
      );
    }
  }
}
