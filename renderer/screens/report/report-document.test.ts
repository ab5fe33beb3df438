import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/report-model.js';
import { reportFileName, withSignOff } from './report-document.js';

const model = buildReport({ workspaceFile: 'w.headroom', appVersion: '0.1.0', generatedAt: '2026-11-24T10:00:00.000Z', parameters: { sections: ['dr'], horizon: null, confidence: 'p90', pricing: 'on-demand', seed: 1 }, system: null, dr: null, imports: [], series: [] });

describe('the report document of the Report screen', () => {
  it('applies the typed title and sign-off without touching any figure', () => {
    const signOff = { preparedBy: 'A. Architect', reviewedBy: '<b>R</b>', decision: 'approve', date: '2026-11-30' };
    const signed = withSignOff(model, '  DR sign-off Q4 ', signOff);
    expect(signed.meta.title).toBe('DR sign-off Q4');
    expect(signed.signOff).toEqual(signOff);
    expect(signed.sections).toBe(model.sections);
    expect(withSignOff(model, ' ', signOff).meta.title).toBe(model.meta.title);
  });

  it('names files after the system and the date', () => {
    expect(reportFileName(model, 'pdf')).toMatch(/-report-2026-11-24\.pdf$/);
  });
});
