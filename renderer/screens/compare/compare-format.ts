import type { OptionKind } from '../../../shared/capacity/scaling/scaling-types.js';

/** Formatting of the Compare screen: money, months, shares. Never NaN or undefined on screen. */

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string, fractionDigits: number): Intl.NumberFormat | null {
  const key = `${currency}|${fractionDigits}`;
  if (!moneyFormats.has(key)) {
    let format: Intl.NumberFormat | null;
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    } catch {
      format = null; // not an ISO 4217 code: the catalog may say "credits"
    }
    moneyFormats.set(key, format);
  }
  return moneyFormats.get(key) ?? null;
}

/**
 * An amount with its currency and thousands separators: `$38,263`, `€1,200`, `1,200 credits`.
 * Whole units from 100 up, cents below.
 * @example formatMoney(38263.4, 'USD') // '$38,263'
 */
export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : 2;
  const format = moneyFormat(currency, digits);
  if (format !== null) return format.format(value);
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/** A compact amount for chart axes: `$1.2k`, `$900`. */
export function formatMoneyTick(value: number, currency: string): string {
  if (!Number.isFinite(value)) return '';
  const symbol = formatMoney(0, currency).replace(/[\d.,\s]/g, '');
  const prefix = symbol === currency ? '' : symbol;
  const suffix = prefix === '' ? ` ${currency}` : '';
  const abs = Math.abs(value);
  const number = abs >= 1000 ? `${Number((value / 1000).toPrecision(3)).toLocaleString('en-US')}k` : Math.round(value).toLocaleString('en-US');
  return `${prefix}${number}${suffix}`;
}

/** The month of an instant, UTC: `2027-01`. */
export function formatMonth(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return new Date(ms).toISOString().slice(0, 7);
}

/** A ratio as a whole percentage: 0.968 → `97 %`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 100).toLocaleString('en-US')} %`;
}

/** What each kind of option does, for the table's kind column. */
export const KIND_LABELS: Record<OptionKind, string> = {
  vertical: 'vertical',
  'read-replicas': 'read replicas',
  sharding: 'sharding',
  storage: 'storage',
  combination: 'combination',
};

/** How full a resource gets at worst, as a heat class: within target, near it, over it. */
export function levelOf(worstUse: number): 'ok' | 'near' | 'over' {
  if (!(worstUse <= 1)) return 'over';
  return worstUse >= 0.9 ? 'near' : 'ok';
}
