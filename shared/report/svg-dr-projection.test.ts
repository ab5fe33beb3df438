import { describe, expect, it } from 'vitest';
import type { DrScenarioRow, DrSectionOk } from './report-types.js';
import { drProjectionSvg } from './svg-dr-projection.js';

const row = (label: string, target: number, worst: (number | null)[]): DrScenarioRow => ({
  id: label,
  label,
  rpoTargetSeconds: 60,
  rtoTargetSeconds: target,
  rpo: { worst: 0, p50: 0, p95: 0, p99: 0 },
  rto: { worst: worst[0] ?? null, p50: 1, p95: 1, p99: 1 },
  pMeetRpo: 1,
  pMeetRto: 1,
  rpoVerdict: 'met',
  rtoVerdict: 'met',
  drivers: [],
  summary: '',
  overTime: worst.map((w, m) => ({ month: `2027-0${m + 1}`, sizeGiB: 100, rpoWorst: 0, rtoWorst: w, rtoMean: 1 })),
});

describe('the DR projection chart of a report', () => {
  it('draws one line per scenario on a log scale of the target share, with the target line and percent labels', () => {
    const section: DrSectionOk = { id: 'dr', status: 'ok', plan: { name: 'p', engine: 'postgresql', sizeGiB: 100 }, trials: 1000, seed: 1, notes: [], scenarios: [row('<b>A</b>', 100, [50, 80, 120]), row('B', 60, [null, null, null])] };
    const svg = drProjectionSvg(section);
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg).toContain('>100 %<');
    expect(svg).toContain('>10 %<');
    expect(svg).toContain('>1,000 %<');
    expect(svg).toContain('&lt;b&gt;A&lt;/b&gt;');
    expect(svg).toContain('no recovery in the worst case: not drawn');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
