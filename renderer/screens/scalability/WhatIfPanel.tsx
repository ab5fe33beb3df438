import { useId, useState } from 'react';
import type { UslFit } from '../../../shared/usl/fit-usl.js';
import type { UslCoefficients } from '../../../shared/usl/usl-model.js';
import type { UslWhatIf } from '../../../shared/usl/usl-what-if.js';
import { formatCoefficient, formatConcurrency, formatRate, formatShare } from './scalability-format.js';
import { ScalabilityPanel, SectionError } from './ScalabilityPanel.js';

export type Overrides = Partial<UslCoefficients>;

interface Props {
  /** The fitted model, undefined when there is none to change. */
  readonly fit: UslFit | undefined;
  /** The what-if of the last answer (the sliders may be ahead of it while it recomputes). */
  readonly whatIf: UslWhatIf | undefined;
  readonly overrides: Overrides;
  readonly fraction: number;
  readonly computing: boolean;
  readonly unit: string;
  onOverride(key: keyof UslCoefficients, value: number | undefined): void;
  onFraction(fraction: number): void;
  onReset(): void;
}

interface Range {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Slider ranges around the fitted value: σ and κ from 0 to 4× the fit, λ from a quarter to 2.5×. */
function rangeOf(key: keyof UslCoefficients, fitted: number): Range {
  const [min, max] = key === 'lambda' ? [fitted / 4, fitted * 2.5] : [0, Math.min(1, Math.max(key === 'sigma' ? 0.1 : 0.001, fitted * 4))];
  return { min, max, step: (max - min) / 200 };
}

/** Three significant digits: what a slider position means, without float noise. */
const tidy = (v: number): number => Number(v.toPrecision(3));

const valid = (key: keyof UslCoefficients, v: number): boolean => Number.isFinite(v) && (key === 'lambda' ? v > 0 : v >= 0 && v <= 1);

/** What-if coefficients and the share of X_max treated as the limit. */
export function WhatIfPanel({ fit, whatIf, overrides, fraction, computing, unit, onOverride, onFraction, onReset }: Props) {
  const fractionId = useId();
  const overridden = Object.values(overrides).some((v) => v !== undefined);
  const peak = whatIf?.peak;
  const basePeak = whatIf?.basePeak;
  const now = peak?.peakThroughput ?? null;
  const was = basePeak?.peakThroughput ?? null;
  const change = now !== null && was !== null && was > 0 ? now / was - 1 : undefined;
  return (
    <ScalabilityPanel title="What if" testId="whatif-panel" subtitle={computing ? 'recomputing…' : overridden ? 'dashed curves: the what-if model' : 'move a coefficient to compare'}>
      {fit === undefined ? (
        <SectionError what="What-if" error="it changes the fitted coefficients, and there is no fit" />
      ) : (
        <>
          <div className="sc-controls">
            <CoefficientControl name="sigma" label="σ (contention)" fitted={fit.sigma} value={overrides.sigma} format={formatCoefficient} onChange={(v) => onOverride('sigma', v)} />
            <CoefficientControl name="kappa" label="κ (coherency)" fitted={fit.kappa} value={overrides.kappa} format={formatCoefficient} onChange={(v) => onOverride('kappa', v)} />
            <CoefficientControl name="lambda" label="λ (one worker)" fitted={fit.lambda} value={overrides.lambda} format={(v) => formatRate(v, unit)} onChange={(v) => onOverride('lambda', v)} />
          </div>
          <div className="sc-fraction">
            <label htmlFor={fractionId}>Limit: share of X_max</label>
            <input id={fractionId} type="range" min={50} max={100} step={1} value={Math.round(fraction * 100)} onChange={(e) => onFraction(Number(e.target.value) / 100)} aria-valuetext={formatShare(fraction)} />
            <output htmlFor={fractionId} data-testid="fraction-value">
              {formatShare(fraction)}
            </output>
            <button type="button" onClick={onReset} disabled={!overridden && Math.round(fraction * 100) === 80}>
              Reset to the fit
            </button>
          </div>
          <p className="sc-whatif-result" data-testid="whatif-peak" data-value={peak?.peakThroughput ?? ''}>
            {peak === undefined
              ? 'Computing…'
              : peak.peakN !== null && peak.peakThroughput !== null
                ? `${overridden ? 'What-if' : 'Fitted'} peak: X_max ${formatRate(peak.peakThroughput, unit)} at N* ≈ ${formatConcurrency(peak.peakN)}`
                : peak.throughputCeiling !== null
                  ? `No peak with κ = 0: throughput approaches λ/σ = ${formatRate(peak.throughputCeiling, unit)}, never falls`
                  : 'No peak and no ceiling with σ = κ = 0: linear scaling'}
            {overridden && change !== undefined ? <strong className={change >= 0 ? 'sc-up' : 'sc-down'}> ({change >= 0 ? '+' : ''}{formatShare(change)} against the fit)</strong> : null}
            {whatIf !== undefined ? <span className="muted">; limited by {whatIf.limitedBy}</span> : null}
          </p>
          <ul className="sc-hints muted">
            <li>
              <strong>σ</strong> falls when less work is serialised: a hot row or a global lock split, a shorter critical section.
            </li>
            <li>
              <strong>κ</strong> falls when workers share less: partitioned data, fewer cache invalidations, less cross-node chatter.
            </li>
            <li>
              <strong>λ</strong> rises with faster single-worker service: a faster core, a cheaper query plan.
            </li>
            <li>The limit is the share of X_max you plan against; the timeline below dates it.</li>
          </ul>
        </>
      )}
    </ScalabilityPanel>
  );
}

interface ControlProps {
  readonly name: keyof UslCoefficients;
  readonly label: string;
  readonly fitted: number;
  readonly value: number | undefined;
  format(value: number): string;
  onChange(value: number | undefined): void;
}

/** A slider and a number box for one coefficient; the box accepts any valid value, the slider spans a range around the fit. */
function CoefficientControl({ name, label, fitted, value, format, onChange }: ControlProps) {
  const id = useId();
  const range = rangeOf(name, fitted);
  const current = value ?? fitted;
  // While the box has focus it shows what is typed; otherwise the current value.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const text = typed ?? String(tidy(current));
  const typedValue = typed === undefined ? current : Number(typed);
  const invalid = typed !== undefined && (typed.trim() === '' || !valid(name, typedValue));
  return (
    <div className={`sc-control${value !== undefined ? ' changed' : ''}`} data-testid={`control-${name}`}>
      <label htmlFor={id}>{label}</label>
      <input type="range" aria-label={`${label} slider`} min={range.min} max={range.max} step={range.step} value={Math.min(range.max, Math.max(range.min, current))} onChange={(e) => onChange(tidy(Number(e.target.value)))} />
      <input
        id={id}
        type="number"
        step="any"
        min={name === 'lambda' ? undefined : 0}
        max={name === 'lambda' ? undefined : 1}
        value={text}
        aria-invalid={invalid}
        onFocus={() => setTyped(String(tidy(current)))}
        onBlur={() => setTyped(undefined)}
        onChange={(e) => {
          setTyped(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && valid(name, v)) onChange(v);
        }}
      />
      <span className={invalid ? 'error-text sc-small' : 'muted sc-small'}>
        {invalid ? (name === 'lambda' ? 'must be > 0' : 'must be in 0 – 1') : value !== undefined ? `fitted ${format(fitted)}` : 'as fitted'}
        {value !== undefined ? (
          <button type="button" className="link" onClick={() => onChange(undefined)} aria-label={`Reset ${label} to the fit`}>
            reset
          </button>
        ) : null}
      </span>
    </div>
  );
}
