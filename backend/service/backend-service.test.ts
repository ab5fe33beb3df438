import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricCsv } from '../../test/helpers/metric-csv.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { AppSettings } from '../settings/app-settings.js';
import { BackendService } from './backend-service.js';
import { LATEST_SCHEMA_VERSION } from '../workspace/migrations/all-migrations.js';

const tempDir = useTempDir();

function service(dir: string): BackendService {
  return new BackendService({ host: 'browser', settings: new AppSettings(join(dir, 'config')) });
}

describe('BackendService', () => {
  it('answers every call with a Result, never a throw', async () => {
    const dir = tempDir();
    const backend = service(dir);
    expect(await backend.call('series.list', {})).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
    expect(await backend.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await backend.call('workspace.open', { path: join(dir, 'missing.headroom') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await backend.close();
  });

  it('creates, reopens and remembers workspaces', async () => {
    const dir = tempDir();
    const backend = service(dir);
    const created = await backend.call('workspace.create', { path: join(dir, 'plan') });
    expect(created).toMatchObject({ ok: true, value: { name: 'plan', schemaVersion: LATEST_SCHEMA_VERSION } });
    expect(await backend.call('workspace.create', { path: join(dir, 'plan.headroom') })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const recent = await backend.call('workspace.recent', {});
    expect(recent).toMatchObject({ ok: true, value: [{ name: 'plan', exists: true }] });
    await backend.close();
    expect(new AppSettings(join(dir, 'config')).lastWorkspace()).toBe(join(dir, 'plan.headroom'));
  });

  it('imports staged files as a job, then charts and deletes the series', async () => {
    const dir = tempDir();
    const backend = service(dir);
    backend.openWorkspace(join(dir, 'w.headroom'), true);
    writeFileSync(join(dir, 'm.csv'), metricCsv({ columns: ['cpu_pct', 'read_iops'], rows: 5000 }));
    const staged = backend.staging.stagePath(join(dir, 'm.csv'));
    const started = await backend.call('import.start', { files: [{ stagedId: staged.id }] });
    expect(started.ok).toBe(true);
    await backend.jobs.idle();
    expect(backend.jobs.list()[0]?.error).toBeNull();
    const list = await backend.call('series.list', {});
    expect(list).toMatchObject({ ok: true, value: [{ name: 'cpu_pct', points: 5000 }, { name: 'read_iops', points: 5000 }] });
    const window = await backend.call('series.window', { names: ['cpu_pct'], buckets: 100 });
    expect(window).toMatchObject({ ok: true, value: { series: [{ name: 'cpu_pct', raw: false }] } });
    expect(await backend.call('series.window', { names: ['nope'], buckets: 100 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await backend.call('series.delete', { names: ['read_iops'] })).toEqual({ ok: true, value: { deleted: 1 } });
    expect(await backend.call('import.history', {})).toMatchObject({ ok: true, value: [{ file: 'm.csv' }] });
    await backend.close();
  });
});
