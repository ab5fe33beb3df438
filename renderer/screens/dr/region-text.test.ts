import { describe, expect, it } from 'vitest';
import { regionsToText, textToRegions } from './region-text.js';

describe('regions as text', () => {
  it('round-trips the example topology', () => {
    const regions = [
      { name: 'eu-west-1', zones: ['a', 'b', 'c'] },
      { name: 'eu-central-1', zones: ['a', 'b'] },
    ];
    expect(regionsToText(regions)).toBe('eu-west-1: a, b, c; eu-central-1: a, b');
    expect(textToRegions(regionsToText(regions))).toEqual(regions);
  });

  it('reads loose typing', () => {
    expect(textToRegions(' r1 :a,b ; r2; ')).toEqual([
      { name: 'r1', zones: ['a', 'b'] },
      { name: 'r2', zones: ['a'] },
    ]);
    expect(textToRegions('')).toEqual([]);
  });
});
