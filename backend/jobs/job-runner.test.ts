import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/api/types.js';
import { metricCsv } from '../../test/helpers/metric-csv.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { openWorkspace } from '../workspace/open-workspace.js';
import { listSeries } from '../workspace/series-catalog.js';
import { JobRunner } from './job-runner.js';

const tempDir = useTempDir();

describe('JobRunner', () => {
  it('runs imports one after another and publishes progress until done', async () => {
    const dir = tempDir();
    const workspacePath = join(dir, 'w.headroom');
    openWorkspace(workspacePath, { create: true }).close();
    writeFileSync(join(dir, 'a.csv'), metricCsv({ columns: ['a_pct'], rows: 2000 }));
    writeFileSync(join(dir, 'b.csv'), metricCsv({ columns: ['b_pct'], rows: 2000 }));
    const updates: JobState[] = [];
    const runner = new JobRunner((job) => updates.push(job));
    const first = runner.startImport({ workspacePath, files: [{ path: join(dir, 'a.csv'), name: 'a.csv' }], options: {}, label: 'a' });
    const second = runner.startImport({ workspacePath, files: [{ path: join(dir, 'b.csv'), name: 'b.csv' }], options: {}, label: 'b' });
    await runner.idle();
    expect(runner.status(first.id).status).toBe('done');
    expect(runner.status(second.id).status).toBe('done');
    const firstDone = updates.findIndex((u) => u.id === first.id && u.status === 'done');
    const secondStarted = updates.findIndex((u) => u.id === second.id && u.phase === 'starting');
    expect(firstDone).toBeLessThan(secondStarted);
    const db = openWorkspace(workspacePath, { readonly: true });
    expect(listSeries(db).map((s) => s.name)).toEqual(['a_pct', 'b_pct']);
    db.close();
  });

  it('cancels a queued job before it starts, and reports an unknown job', async () => {
    const dir = tempDir();
    const workspacePath = join(dir, 'w.headroom');
    openWorkspace(workspacePath, { create: true }).close();
    writeFileSync(join(dir, 'a.csv'), metricCsv({ columns: ['a_pct'], rows: 10 }));
    const runner = new JobRunner(() => undefined);
    runner.startImport({ workspacePath, files: [{ path: join(dir, 'a.csv'), name: 'a.csv' }], options: {}, label: 'a' });
    const queued = runner.startImport({ workspacePath, files: [{ path: join(dir, 'a.csv'), name: 'a.csv' }], options: {}, label: 'again' });
    runner.cancel(queued.id);
    await runner.idle();
    expect(runner.status(queued.id).status).toBe('cancelled');
    expect(() => runner.status('nope')).toThrow(/no job/);
  });
});
