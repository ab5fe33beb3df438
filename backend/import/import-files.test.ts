import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/api/result.js';
import { metricCsv } from '../../test/helpers/metric-csv.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { listImports } from '../workspace/import-log.js';
import { openWorkspace } from '../workspace/open-workspace.js';
import { listSeries } from '../workspace/series-catalog.js';
import { importFiles } from './import-files.js';
import { readTextStream } from './read-import-stream.js';

const tempDir = useTempDir();
const never = new AbortController().signal;

async function failure(action: () => Promise<unknown>): Promise<ApiFailure> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('importFiles', () => {
  it('imports a CSV, records its provenance and reports every series', async () => {
    const dir = tempDir();
    const file = join(dir, 'metrics.csv');
    writeFileSync(file, metricCsv({ columns: ['cpu_pct', 'storage_gib'], rows: 500 }));
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    const result = await importFiles(db, [{ path: file, name: 'metrics.csv' }], {}, () => undefined, never);
    expect(result.files[0]?.series.map((s) => [s.name, s.unit, s.points])).toEqual([
      ['cpu_pct', '%', 500],
      ['storage_gib', 'GiB', 500],
    ]);
    expect(result.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listImports(db)[0]).toMatchObject({ file: 'metrics.csv', rowsRead: 500, format: 'csv' });
    db.close();
  });

  it('is all or nothing: a second, unreadable file leaves the workspace as it was', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.csv');
    const bad = join(dir, 'bad.csv');
    writeFileSync(good, metricCsv({ columns: ['cpu_pct'], rows: 100 }));
    writeFileSync(bad, 'hello,world\nthis is,not metrics\n');
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    const error = await failure(() => importFiles(db, [{ path: good, name: 'good.csv' }, { path: bad, name: 'bad.csv' }], {}, () => undefined, never));
    expect(error.code).toBe('import-failed');
    expect(error.message).toMatch(/^bad\.csv:1: /);
    expect(listSeries(db)).toEqual([]);
    expect(listImports(db)).toEqual([]);
    db.close();
  });

  it('rolls back when cancelled, keeping earlier data intact', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.csv');
    const big = join(dir, 'big.csv');
    writeFileSync(first, metricCsv({ columns: ['cpu_pct'], rows: 10 }));
    writeFileSync(big, metricCsv({ columns: ['cpu_pct', 'mem_gib'], rows: 200_000, startMs: Date.UTC(2025, 0, 1) }));
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    await importFiles(db, [{ path: first, name: 'first.csv' }], {}, () => undefined, never);
    const controller = new AbortController();
    const error = await failure(() =>
      importFiles(db, [{ path: big, name: 'big.csv' }], {}, (p) => {
        if (p.fraction > 0.2) controller.abort();
      }, controller.signal),
    );
    expect(error.code).toBe('cancelled');
    expect(listSeries(db).map((s) => [s.name, s.points])).toEqual([['cpu_pct', 10]]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('reads gzip and UTF-16 exports, and refuses binary files with a clear message', async () => {
    const dir = tempDir();
    const csv = metricCsv({ columns: ['cpu_pct'], rows: 50 });
    writeFileSync(join(dir, 'a.csv.gz'), gzipSync(csv));
    writeFileSync(join(dir, 'b.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.replaceAll('cpu_pct', 'mem_pct'), 'utf16le')]));
    writeFileSync(join(dir, 'c.bin'), Buffer.from([0x53, 0x51, 0x4c, 0, 0, 1, 2]));
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    await importFiles(db, [{ path: join(dir, 'a.csv.gz'), name: 'a.csv.gz' }, { path: join(dir, 'b.csv'), name: 'b.csv' }], {}, () => undefined, never);
    expect(listSeries(db).map((s) => [s.name, s.points])).toEqual([['cpu_pct', 50], ['mem_pct', 50]]);
    const error = await failure(() => importFiles(db, [{ path: join(dir, 'c.bin'), name: 'c.bin' }], {}, () => undefined, never));
    expect(error.message).toBe('c.bin:1: this is a binary file, not a text export (it contains NUL bytes)');
    db.close();
  });

  it('refuses an endless line with the line number instead of buffering it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'long.csv'), `time,v\n${'9'.repeat(5 * 1024 * 1024)}`);
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    const error = await failure(() => importFiles(db, [{ path: join(dir, 'long.csv'), name: 'long.csv' }], {}, () => undefined, never));
    expect(error.message).toMatch(/^long\.csv:2: line 2 is longer than/);
    db.close();
  });

  it('refuses a gzip bomb instead of expanding it without limit', async () => {
    const dir = tempDir();
    // 120 MiB of zeros compress to ~120 KiB: beyond the 200× allowance (+64 MiB).
    const path = join(dir, 'bomb.csv.gz');
    writeFileSync(path, gzipSync(Buffer.alloc(120 * 1024 * 1024, 0x30), { level: 9 }));
    const stream = readTextStream(path, statSync(path).size, () => undefined, never);
    await expect(async () => {
      for await (const _text of stream) {
        // keep reading until it refuses
      }
    }).rejects.toThrow(/decompression bomb/);
  });

  it('keeps the first unit and refuses points that claim another one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'time,storage\n2024-01-01,1\n');
    writeFileSync(join(dir, 'b.csv'), 'time,storage,cpu_pct\n2024-01-02,2,5\n');
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    await importFiles(db, [{ path: join(dir, 'a.csv'), name: 'a.csv' }], { units: { storage: 'GiB' } }, () => undefined, never);
    const result = await importFiles(db, [{ path: join(dir, 'b.csv'), name: 'b.csv' }], { units: { storage: 'TB' } }, () => undefined, never);
    expect(result.files[0]?.rejected.some((r) => /already in the workspace in GiB/.test(r.reason))).toBe(true);
    expect(listSeries(db).find((s) => s.name === 'storage')?.points).toBe(1);
    db.close();
  });
});

describe('importFiles, overlapping data and counters', () => {
  it('reports values an import replaced (conflicts), but not equal duplicates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'time,disk_gib\n2024-01-01T00:00:00Z,10\n2024-01-01T00:01:00Z,11\n');
    writeFileSync(join(dir, 'b.csv'), 'time,disk_gib\n2024-01-01T00:01:00Z,11\n2024-01-01T00:02:00Z,12\n');
    writeFileSync(join(dir, 'c.csv'), 'time,disk_gib\n2024-01-01T00:02:00Z,99\n');
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    await importFiles(db, [{ path: join(dir, 'a.csv'), name: 'a.csv' }], {}, () => undefined, never);
    const same = await importFiles(db, [{ path: join(dir, 'b.csv'), name: 'b.csv' }], {}, () => undefined, never);
    expect(same.conflicts).toEqual([]);
    const changed = await importFiles(db, [{ path: join(dir, 'c.csv'), name: 'c.csv' }], {}, () => undefined, never);
    expect(changed.conflicts).toEqual([{ series: 'disk_gib', timestamps: 1, example: { time: '2024-01-01T00:02:00Z', replaced: 12, kept: 99 } }]);
    expect(listSeries(db)[0]).toMatchObject({ name: 'disk_gib', points: 3 });
    db.close();
  });

  it('turns counters into per-second rates on request, reading a decrease as a reset', async () => {
    const dir = tempDir();
    // Formats flag counters (Prometheus _total, Cloud Monitoring CUMULATIVE); a CSV cannot, so the series is flagged first.
    writeFileSync(join(dir, 'c.csv'), 'time,requests_total\n2024-01-01T00:00:00Z,100\n2024-01-01T00:01:00Z,160\n2024-01-01T00:02:00Z,280\n2024-01-01T00:03:00Z,30\n');
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    db.prepare("INSERT INTO series(name, unit, labels, kind, created_at, updated_at) VALUES ('requests_total', 'count', '{}', 'counter', 'x', 'x')").run();
    const result = await importFiles(db, [{ path: join(dir, 'c.csv'), name: 'c.csv' }], { counters: 'rate' }, () => undefined, never);
    expect(result.derived).toEqual(['rate(requests_total)']);
    const rate = listSeries(db).find((s) => s.name === 'rate(requests_total)');
    expect(rate).toMatchObject({ unit: '/s', kind: 'rate', points: 3 });
    const points = db.prepare<[], { vals: Buffer }>("SELECT vals FROM chunk JOIN series ON series.id = chunk.series_id WHERE series.name = 'rate(requests_total)'").get();
    expect([...new Float64Array(new Uint8Array(points!.vals).buffer)]).toEqual([1, 2, 0.5]);
    db.close();
  });
});

describe('importFiles, statement snapshots', () => {
  it('stores pg_stat_statements snapshots and derives the query mix per interval', async () => {
    const dir = tempDir();
    const snapshot = (time: string, selects: number, updates: number) =>
      [`${time},10,16384,t,-9187233148923423400,"SELECT * FROM orders WHERE id = $1",${selects},${selects * 0.5},${selects}`, `${time},10,16384,t,77,"UPDATE orders SET paid = true WHERE id = $1",${updates},${updates * 2},${updates}`].join('\n');
    const header = 'snapshot_time,userid,dbid,toplevel,queryid,query,calls,total_exec_time,rows';
    writeFileSync(join(dir, 'pgss-1.csv'), `${header}\n${snapshot('2026-11-01 10:00:00+00', 1000, 100)}\n${snapshot('2026-11-01 10:05:00+00', 4000, 400)}\n`);
    writeFileSync(join(dir, 'pgss-2.csv'), `${header}\n${snapshot('2026-11-01 10:10:00+00', 300, 30)}\n`); // after pg_stat_statements_reset()
    const db = openWorkspace(join(dir, 'w.headroom'), { create: true });
    const result = await importFiles(db, [{ path: join(dir, 'pgss-1.csv'), name: 'pgss-1.csv' }, { path: join(dir, 'pgss-2.csv'), name: 'pgss-2.csv' }], {}, () => undefined, never);
    expect(result.files.map((f) => [f.format, f.statementSamples])).toEqual([['pg-stat-statements', 4], ['pg-stat-statements', 2]]);
    expect(result.derived).toEqual(['queries.read_per_s', 'queries.write_per_s', 'queries.exec_time_ms_per_s', 'queries.read_share']);
    const series = new Map(listSeries(db).map((s) => [s.name, s]));
    expect(series.get('queries.read_per_s')).toMatchObject({ unit: 'QPS', points: 2 });
    const values = (name: string) => {
      const row = db.prepare<[string], { vals: Buffer }>('SELECT vals FROM chunk JOIN series ON series.id = chunk.series_id WHERE series.name = ?').get(name);
      return [...new Float64Array(new Uint8Array(row!.vals).buffer)];
    };
    // 3000 selects in 300 s = 10/s; after the reset, 300 in 300 s = 1/s. Updates: 300/300 s = 1/s, then 0.1/s.
    expect(values('queries.read_per_s')).toEqual([10, 1]);
    expect(values('queries.write_per_s').map((v) => Number(v.toFixed(6)))).toEqual([1, 0.1]);
    expect(values('queries.read_share').map((v) => Number(v.toFixed(6)))).toEqual([0.909091, 0.909091]);
    expect(db.prepare('SELECT query_id FROM statement ORDER BY id').all()).toEqual([{ query_id: '-9187233148923423400' }, { query_id: '77' }]);
    db.close();
  });
});
