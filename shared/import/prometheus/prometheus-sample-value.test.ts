import { describe, expect, it } from 'vitest';
import { describeRefusedValue, parsePrometheusValue } from './prometheus-sample-value.js';

describe('parsePrometheusValue', () => {
  it('reads the decimal strings Prometheus writes, and JSON numbers', () => {
    expect(['1', '0', '-2.5', '1e+06', '1.5E-3', '.5', '12345678901234567000'].map(parsePrometheusValue)).toEqual([1, 0, -2.5, 1e6, 0.0015, 0.5, 1.2345678901234567e19]);
    expect(parsePrometheusValue(3.25)).toBe(3.25);
  });
  it('reads "NaN" as a gap', () => {
    expect(parsePrometheusValue('NaN')).toBeNull();
  });
  it('refuses infinities and what Number() would read but no exporter writes', () => {
    for (const text of ['+Inf', '-Inf', 'Inf', 'Infinity', '', ' ', ' 1', '1 ', '0x1F', '0b11', '0o7', 'abc', 'nan', 'null']) {
      expect(parsePrometheusValue(text), JSON.stringify(text)).toBeUndefined();
    }
    for (const value of [null, true, [], {}, Infinity, undefined]) expect(parsePrometheusValue(value as never)).toBeUndefined();
  });
  it('says why a value was refused', () => {
    expect(describeRefusedValue('+Inf')).toBe("'+Inf' is infinite; only finite values are imported");
    expect(describeRefusedValue('x'.repeat(50))).toBe(`'${'x'.repeat(40)}…' is not a number`);
    expect(describeRefusedValue(null)).toBe('null is not a number (Prometheus writes values as strings such as "0.5")');
    expect(describeRefusedValue(undefined)).toBe('the value is missing');
    expect(describeRefusedValue(-Infinity)).toBe('-Infinity is infinite; only finite values are imported');
  });
});
