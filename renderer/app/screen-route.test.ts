import { describe, expect, it } from 'vitest';
import { parseScreenRoute, screenHref } from './screen-route.js';

describe('screen routes', () => {
  it('round-trips a screen and a series name with odd characters', () => {
    const href = screenHref('forecast', 'node_cpu{mode="idle"}/a b');
    expect(parseScreenRoute(href)).toEqual({ screen: 'forecast', series: 'node_cpu{mode="idle"}/a b' });
    expect(parseScreenRoute('')).toEqual({ screen: 'data', series: undefined });
    expect(parseScreenRoute('#nowhere/x')).toEqual({ screen: 'data', series: 'x' });
    expect(parseScreenRoute('#workload/%E0%A4%A')).toEqual({ screen: 'workload', series: undefined });
  });
});
