import { copyFileSync, writeFileSync } from 'node:fs';
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
  it('forecasts a series, analyses its workload, and keeps scenarios in the workspace', async () => {
    const dir = tempDir();
    const backend = service(dir);
    backend.openWorkspace(join(dir, 'w.headroom'), true);
    writeFileSync(join(dir, 'm.csv'), metricCsv({ columns: ['cpu_pct'], rows: 24 * 30, stepMs: 3_600_000, value: (i) => 40 + 10 * Math.sin((2 * Math.PI * i) / 24) + i * 0.01 }));
    const staged = backend.staging.stagePath(join(dir, 'm.csv'));
    await backend.call('import.start', { files: [{ stagedId: staged.id }] });
    await backend.jobs.idle();
    const saved = await backend.call('scenario.save', { name: 'launch', changes: [{ kind: 'step', atMs: Date.UTC(2024, 1, 3), percent: 30 }] });
    expect(saved).toMatchObject({ ok: true, value: { name: 'launch', description: '' } });
    const progress: string[] = [];
    backend.subscribe((event) => {
      if (event.type === 'compute.progress' && event.requestId === 'r1') progress.push(event.phase);
    });
    const forecast = await backend.call('forecast.run', { series: 'cpu_pct', horizon: '7d', model: 'snaive', scenarioNames: ['launch'], requestId: 'r1' });
    expect(forecast).toMatchObject({ ok: true, value: { series: 'cpu_pct', unit: '%', modelId: 'seasonal-naive', bounds: { lower: 0, upper: 100 }, periods: [24, 168] } });
    const value = forecast.ok ? (forecast.value as { forecast: { mean: number[] }; scenarios: { name: string }[] }) : undefined;
    expect(value?.forecast.mean).toHaveLength(7 * 24);
    expect(value?.scenarios.map((s) => s.name)).toEqual(['launch']);
    expect(progress).toContain('forecasting');
    expect(await backend.call('forecast.run', { series: 'cpu_pct', horizon: '7d', scenarioNames: ['nope'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await backend.call('forecast.run', { series: 'cpu_pct', horizon: 'soon' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const workload = await backend.call('workload.summary', { series: 'cpu_pct' });
    expect(workload).toMatchObject({ ok: true, value: { name: 'cpu_pct', kind: 'load', cycles: { ok: true } } });
    expect(await backend.call('querymix.summary', {})).toEqual({ ok: true, value: null });
    expect(await backend.call('scenario.list', {})).toMatchObject({ ok: true, value: [{ name: 'launch' }] });
    expect(await backend.call('scenario.delete', { name: 'launch' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await backend.call('compute.cancel', { requestId: 'r1' })).toEqual({ ok: true, value: { cancelled: false } });
    await backend.close();
  });
  it('derives a system from the series, saves it, and assesses runway with one binding resource', async () => {
    const dir = tempDir();
    const backend = service(dir);
    backend.openWorkspace(join(dir, 'w.headroom'), true);
    writeFileSync(join(dir, 'm.csv'), metricCsv({ columns: ['storage_used_gib'], rows: 24 * 60, stepMs: 3_600_000, value: (i) => 500 + i * 0.1 }));
    const staged = backend.staging.stagePath(join(dir, 'm.csv'));
    await backend.call('import.start', { files: [{ stagedId: staged.id }] });
    await backend.jobs.idle();
    const got = await backend.call('system.get', {});
    expect(got).toMatchObject({ ok: true, value: { saved: false, instance: null, config: { name: 'w', resources: [{ id: 'storage', capacity: null }] } } });
    const config = got.ok ? (got.value as { config: { resources: { capacity: number | null }[] } }).config : undefined;
    const withCapacity = { ...config, resources: config?.resources.map((r) => ({ ...r, capacity: 1000 })) };
    expect(await backend.call('system.save', withCapacity)).toMatchObject({ ok: true, value: { saved: true } });
    expect(await backend.call('system.save', { ...withCapacity, instance: { provider: 'Nowhere', instanceClass: 'x' } })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const runway = await backend.call('runway.assess', {});
    expect(runway).toMatchObject({ ok: true, value: { binding: 'storage', resources: [{ id: 'storage', capacity: 1000, threshold: 800, status: 'crosses', binding: true }] } });
    await backend.close();
  });
  it('analyses scalability of the sample: USL peak beyond today, a date for 80 % of it, the CPU queue now and in six months', async () => {
    const dir = tempDir();
    const backend = service(dir);
    // A copy: opening a workspace for writing may change its file (journal mode).
    copyFileSync('samples/sample-postgres-oltp.headroom', join(dir, 'sample.headroom'));
    backend.openWorkspace(join(dir, 'sample.headroom'));
    const result = await backend.call('scalability.analyse', {});
    expect(result.ok).toBe(true);
    const value = result.ok ? (result.value as { usl: { ok: boolean; value: { fit: { peakThroughput: number } } }; timeline: { ok: boolean; value: { currentPeak: number } }; queue: { ok: boolean }; servers: number; throughputSeries: string[] }) : undefined;
    expect(value?.throughputSeries).toEqual(['read_qps', 'write_qps']);
    expect(value?.servers).toBe(8);
    expect(value?.usl.ok && value.timeline.ok && value.queue.ok).toBe(true);
    expect(value?.usl.value.fit.peakThroughput).toBeGreaterThan(value?.timeline.value.currentPeak ?? Infinity);
    expect(await backend.call('scalability.analyse', { loadTest: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await backend.close();
  });
  it('simulates a DR plan in the compute worker path, reproducibly, and names an invalid field', async () => {
    const dir = tempDir();
    const backend = service(dir);
    const example = await backend.call('dr.example', {});
    expect(example.ok).toBe(true);
    const plan = example.ok ? (example.value as Record<string, unknown>) : {};
    const a = await backend.call('dr.simulate', { plan, trials: 5000, seed: 3 });
    const b = await backend.call('dr.simulate', { plan, trials: 5000, seed: 3 });
    expect(a.ok).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const scenarios = a.ok ? (a.value as { scenarios: { rpoSeconds: { p50: number; p99: number; worst: number } }[] }).scenarios : [];
    expect(scenarios).toHaveLength(7);
    for (const s of scenarios) expect(s.rpoSeconds.p50 <= s.rpoSeconds.p99 && s.rpoSeconds.p99 <= s.rpoSeconds.worst).toBe(true);
    const bad = await backend.call('dr.simulate', { plan: { ...plan, backups: 'weekly' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/plan\.backups/) } });
    await backend.close();
  });
});
