import { describe, expect, it } from 'vitest';
import { formatRunwayDate, monthsUntil } from './runway-format.js';

describe('runway formatting', () => {
  it('writes dates, months and the horizon plainly', () => {
    expect(formatRunwayDate(Date.UTC(2027, 2, 25))).toBe('2027-03-25');
    expect(formatRunwayDate(null)).toBe('beyond the horizon');
    expect(monthsUntil(Date.UTC(2026, 10, 1), Date.UTC(2027, 2, 25))).toBe('4.7 months');
    expect(monthsUntil(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 11))).toBe('10 days');
    expect(monthsUntil(Date.UTC(2026, 10, 1), Date.UTC(2026, 9, 1))).toBe('now');
  });
});
