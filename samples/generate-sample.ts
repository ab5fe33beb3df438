import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { formatIsoUtc } from '../shared/time/format-iso.js';
import { openWorkspace, setMeta } from '../backend/workspace/open-workspace.js';
import { saveInstanceTypes, saveLoadTest } from '../backend/workspace/reference-tables.js';
import { importFiles } from '../backend/import/import-files.js';
import { SAMPLE_WORKSPACE_FILE } from '../backend/sample-workspace.js';
import { listSeries } from '../backend/workspace/series-catalog.js';
import { saveSystem } from '../backend/workspace/system-store.js';
import { sampleSystem } from './sample-system.js';
import { sampleDrPlan } from './sample-dr-plan.js';
import { saveDrPlan } from '../backend/workspace/dr-plan-store.js';
import { catalogToCsv } from '../shared/catalog/catalog-csv.js';
import { generateSampleSeries, SAMPLE_SEED, sampleCatalog, sampleLoadTest, sampleStatementSnapshots, type SampleSeries } from './postgres-oltp-model.js';

/** A fixed creation time, so the generated file describes itself the same way every run. */
const GENERATED_AT = '2026-11-01T00:00:00.000Z';

/** The exports the sample workspace is built from (in samples/exports/orders-db/). */
export const SAMPLE_EXPORTS = {
  metrics: 'orders-db/metrics-13-months.csv.gz',
  statements: 'orders-db/pg-stat-statements-hourly.csv.gz',
} as const;

/**
 * Writes the sample system's exports — 13 months of 5-minute metrics as a gzipped CSV,
 * hourly pg_stat_statements snapshots as psql writes them — and builds the sample
 * workspace by importing them through the real import path, then adds the load test and
 * the instance catalog. So the sample is exactly what a user gets from such exports.
 */
export async function writeSample(samplesDir: string, seed = SAMPLE_SEED): Promise<SampleSeries[]> {
  const series = generateSampleSeries(seed);
  const exportsDir = join(samplesDir, 'exports');
  mkdirSync(join(exportsDir, 'orders-db'), { recursive: true });
  // mtime 0 in the gzip header: the same bytes on every run.
  writeFileSync(join(exportsDir, SAMPLE_EXPORTS.metrics), gzipSync(wideCsv(series), { level: 9 }));
  writeFileSync(join(exportsDir, SAMPLE_EXPORTS.statements), gzipSync(sampleStatementSnapshots(series, seed), { level: 9 }));
  writeSampleExcerpts(exportsDir, series);
  await buildSampleWorkspace(join(samplesDir, SAMPLE_WORKSPACE_FILE), exportsDir, seed);
  return series;
}

/** Builds the workspace from the exports already written in `exportsDir`. */
export async function buildSampleWorkspace(path: string, exportsDir: string, seed = SAMPLE_SEED): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = openWorkspace(path, { create: true });
  try {
    setMeta(db, 'created_at', GENERATED_AT);
    setMeta(db, 'description', `Sample PostgreSQL OLTP system (synthetic, seed ${seed}); built by samples/generate-sample.ts from samples/exports/orders-db/`);
    const files = Object.values(SAMPLE_EXPORTS).map((name) => ({ path: join(exportsDir, name), name: `samples/exports/${name}` }));
    await importFiles(db, files, {}, () => undefined, new AbortController().signal);
    saveLoadTest(db, sampleLoadTest(seed));
    saveInstanceTypes(db, sampleCatalog());
    saveSystem(db, sampleSystem(listSeries(db)), GENERATED_AT);
    saveDrPlan(db, sampleDrPlan(db, 'sample-postgres-oltp'), GENERATED_AT);
    // A file to ship: rollback journal (readers leave no -wal/-shm beside it) and compact.
    db.pragma('journal_mode = DELETE');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

function wideCsv(series: readonly SampleSeries[]): string {
  const first = series[0];
  const lines = [['timestamp', ...series.map((s) => s.name)].join(',')];
  if (first !== undefined) {
    for (let i = 0; i < first.times.length; i++) lines.push([formatIsoUtc(first.times[i] as number), ...series.map((s) => String(s.values[i]))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** One week of the sample as a plain CSV, and the load test, for trying the import by hand. */
function writeSampleExcerpts(dir: string, series: readonly SampleSeries[]): void {
  const weekStart = Date.UTC(2026, 9, 19);
  const weekEnd = weekStart + 7 * 86_400_000;
  const week = series.map((s) => {
    const keep = [...s.times].map((t, i) => [t, i] as const).filter(([t]) => t >= weekStart && t < weekEnd);
    return { ...s, times: Float64Array.from(keep.map(([t]) => t)), values: Float64Array.from(keep.map(([, i]) => s.values[i] as number)) };
  });
  writeFileSync(join(dir, 'orders-db-one-week.csv'), wideCsv(week));
  const test = sampleLoadTest();
  writeFileSync(join(dir, 'instance-catalog.csv'), `# ${sampleCatalog()[0]?.priceNote ?? 'sample prices'}; prices as of ${sampleCatalog()[0]?.pricesAsOf ?? ''}\n${catalogToCsv(sampleCatalog())}`);
  writeFileSync(join(dir, 'pgbench-load-test.csv'), `clients,tps,latency_ms\n${test.points.map((p) => `${p.concurrency},${p.throughput},${p.latencyMs ?? ''}`).join('\n')}\n`);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // `npm run samples` passes the samples folder; the bundle itself lives in out/tools/.
  const samplesDir = resolve(process.argv[2] ?? 'samples');
  const series = await writeSample(samplesDir);
  console.log(`wrote samples/exports/orders-db/ and ${SAMPLE_WORKSPACE_FILE} (${series.reduce((n, s) => n + s.times.length, 0).toLocaleString('en-US')} points)`);
}
