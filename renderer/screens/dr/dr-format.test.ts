import { describe, expect, it } from 'vitest';
import { formatGiB, formatProbability, formatSeconds } from './dr-format.js';

describe('DR formatting', () => {
  it('never rounds a probability up to certainty', () => {
    expect(formatProbability(1)).toBe('100 %');
    expect(formatProbability(0.99995)).toBe('> 99.9 %');
    expect(formatProbability(0.8981)).toBe('89.8 %');
    expect(formatProbability(0.00001)).toBe('< 0.1 %');
  });

  it('durations and sizes in the units people use', () => {
    expect(formatSeconds(5400)).toBe('90 min');
    expect(formatSeconds(9000)).toBe('2.5 h');
    expect(formatSeconds(0.25)).toBe('250 ms');
    expect(formatSeconds(null)).toBe('no recovery');
    expect(formatGiB(1300)).toBe('1.27 TiB');
    expect(formatGiB(512)).toBe('512 GiB');
  });
});
