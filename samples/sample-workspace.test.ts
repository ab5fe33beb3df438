import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/helpers/temp-dir.js';
import { openWorkspace } from '../backend/workspace/open-workspace.js';
import { listSeries } from '../backend/workspace/series-catalog.js';
import { listInstanceTypes, listLoadTests } from '../backend/workspace/reference-tables.js';
import { LATEST_SCHEMA_VERSION } from '../backend/workspace/migrations/all-migrations.js';
import { buildSampleWorkspace } from './generate-sample.js';
import { generateSampleSeries, INCIDENT_START_MS, LAUNCH_MS, SAMPLE_END_MS, SAMPLE_START_MS } from './postgres-oltp-model.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const tempDir = useTempDir();

describe('the sample workspace', () => {
  it('is what importing its exports gives (regenerate with `npm run samples` after changing either)', async () => {
    const committed = openWorkspace('samples/sample-postgres-oltp.headroom', { readonly: true });
    const fresh = join(tempDir(), 'fresh.headroom');
    await buildSampleWorkspace(fresh, 'samples/exports');
    const regenerated = openWorkspace(fresh, { readonly: true });
    expect(committed.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(listSeries(committed)).toEqual(listSeries(regenerated));
    const digest = (db: typeof committed) => db.prepare('SELECT count(*) AS chunks, sum(v_sum) AS total FROM chunk').get();
    expect(digest(committed)).toEqual(digest(regenerated));
    expect(listLoadTests(committed)).toEqual(listLoadTests(regenerated));
    expect(listInstanceTypes(committed)).toEqual(listInstanceTypes(regenerated));
    expect(committed.prepare('SELECT count(*) AS n FROM statement_sample').get()).toEqual(regenerated.prepare('SELECT count(*) AS n FROM statement_sample').get());
    committed.close();
    regenerated.close();
  });

  it('has the story the issue asks for: 13 months of 5-minute data, cycles, growth, a launch, an incident, gaps', () => {
    const series = generateSampleSeries();
    const cpu = series.find((s) => s.name === 'cpu_pct');
    const storage = series.find((s) => s.name === 'storage_used_gib');
    if (cpu === undefined || storage === undefined) throw new Error('sample lacks cpu_pct or storage_used_gib');
    expect((SAMPLE_END_MS - SAMPLE_START_MS) / 86_400_000).toBeGreaterThanOrEqual(395);
    expect(cpu.times[1]! - cpu.times[0]!).toBe(300_000);
    const meanBetween = (from: number, to: number): number => {
      let sum = 0;
      let n = 0;
      cpu.times.forEach((t, i) => {
        if (t >= from && t < to) {
          sum += cpu.values[i]!;
          n++;
        }
      });
      return sum / n;
    };
    const day = 86_400_000;
    // Growth and the launch step: the month after launch runs hotter than the month before.
    expect(meanBetween(LAUNCH_MS, LAUNCH_MS + 30 * day)).toBeGreaterThan(meanBetween(LAUNCH_MS - 30 * day, LAUNCH_MS) * 1.15);
    // The incident saturates CPU.
    expect(meanBetween(INCIDENT_START_MS, INCIDENT_START_MS + 3_600_000)).toBeGreaterThan(95);
    // A daily cycle: afternoons (UTC) busier than nights.
    const hourMean = (hour: number): number => {
      let sum = 0;
      let n = 0;
      cpu.times.forEach((t, i) => {
        if (new Date(t).getUTCHours() === hour) {
          sum += cpu.values[i]!;
          n++;
        }
      });
      return sum / n;
    };
    expect(hourMean(16)).toBeGreaterThan(hourMean(4) * 1.5);
    // Storage grows.
    expect(storage.values[storage.values.length - 1]!).toBeGreaterThan(storage.values[0]! * 1.3);
    // Monitoring gaps: fewer points than the range holds.
    expect(cpu.times.length).toBeLessThan((SAMPLE_END_MS - SAMPLE_START_MS) / 300_000);
  });
});

describe('the sample exports', () => {
  it('hold exactly the model: every point of every series', () => {
    const csv = gunzipSync(readFileSync('samples/exports/orders-db/metrics-13-months.csv.gz')).toString('utf8').trim().split('\n');
    const model = generateSampleSeries();
    expect(csv[0]).toBe(['timestamp', ...model.map((s) => s.name)].join(','));
    expect(csv.length - 1).toBe(model[0]?.times.length);
    const last = csv[csv.length - 1]?.split(',') ?? [];
    expect(Date.parse(last[0] ?? '')).toBe(model[0]?.times[model[0].times.length - 1]);
    expect(Number(last[1])).toBe(model[0]?.values[model[0].values.length - 1]);
  });
});
