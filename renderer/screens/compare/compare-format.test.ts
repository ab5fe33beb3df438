import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyTick, formatMonth, formatPercent, levelOf } from './compare-format.js';

describe('compare-format', () => {
  it('formats money with the currency and thousands separators, whole units from 100', () => {
    expect(formatMoney(38263.4, 'USD')).toBe('$38,263');
    expect(formatMoney(98.669, 'USD')).toBe('$98.67');
    expect(formatMoney(1200, 'credits')).toBe('1,200 credits');
    expect(formatMoney(Number.NaN, 'USD')).toBe('—');
    expect(formatMoney(null, 'USD')).toBe('—');
  });

  it('keeps axis ticks short', () => {
    expect(formatMoneyTick(1874, 'USD')).toBe('$1.87k');
    expect(formatMoneyTick(900, 'USD')).toBe('$900');
    expect(formatMoneyTick(900, 'CHF')).toBe('900 CHF');
  });

  it('names months and shares', () => {
    expect(formatMonth(Date.UTC(2027, 0, 31, 7))).toBe('2027-01');
    expect(formatPercent(0.968)).toBe('97 %');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('grades how full a resource gets', () => {
    expect(levelOf(0.5)).toBe('ok');
    expect(levelOf(0.95)).toBe('near');
    expect(levelOf(1.01)).toBe('over');
    expect(levelOf(Number.NaN)).toBe('over');
  });
});
