import { describe, expect, it } from 'vitest';
import { datadogSeriesUnit } from './datadog-series-unit.js';

describe('datadogSeriesUnit', () => {
  it('reads the documented unit pair, either half of which may be null', () => {
    expect(datadogSeriesUnit([{ family: 'time', name: 'minute', plural: 'minutes', scale_factor: 60, short_name: 'min' }])).toBe('min');
    expect(datadogSeriesUnit([{ name: 'percent' }, null])).toBe('%');
    expect(datadogSeriesUnit([{ name: 'byte' }, { name: 'second' }])).toBe('B/s');
  });
  it('reads null, a missing field and malformed pairs as no unit', () => {
    for (const unit of [null, undefined, [], [null, null], 'byte', [7], [{ name: 3 }]]) expect(datadogSeriesUnit(unit)).toBeUndefined();
  });
});
