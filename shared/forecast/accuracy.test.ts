import { describe, expect, it } from 'vitest';
import { intervalCoverage, meanAbsoluteScaledError, seasonalNaiveScale, symmetricMape } from './accuracy.js';

describe('accuracy measures', () => {
  it('follow their definitions on hand-sized examples', () => {
    expect(seasonalNaiveScale([1, 2, 4, 7], 1)).toBe(2); // (1 + 2 + 3)/3
    expect(seasonalNaiveScale([1, 2, 4, 7, 9], 2)).toBeCloseTo(13 / 3, 14); // (3 + 5 + 5)/3
    expect(meanAbsoluteScaledError([3, 5], [4, 4], 2)).toBe(0.5);
    expect(symmetricMape([100], [110])).toBeCloseTo((200 * 10) / 210, 12);
    expect(symmetricMape([0, 10], [0, 10])).toBe(0);
    expect(intervalCoverage([1, 5, 2], [0, 0, 2], [2, 2, 3])).toBeCloseTo(2 / 3, 14);
  });

  it('keeps MASE defined when the training data repeat exactly', () => {
    expect(meanAbsoluteScaledError([1, 1], [1, 1], 0)).toBe(0);
    expect(meanAbsoluteScaledError([1, 2], [1, 1], 0)).toBe(Infinity);
  });
});
