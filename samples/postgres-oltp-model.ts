import { SeededRandom } from '../shared/random/seeded-random.js';
import type { InstanceType, LoadTest } from '../shared/api/types.js';

/**
 * A synthetic but realistic PostgreSQL OLTP system for the sample workspace: 13 months
 * of 5-minute metrics with daily and weekly cycles, compound growth, a product-launch
 * step, an incident, monitoring gaps, nightly batch jobs, and resources that follow
 * from the load (CPU from QPS, connections by Little's law, IOPS from reads and writes).
 * Deterministic for a given seed.
 */

export const SAMPLE_SEED = 20261124;
export const SAMPLE_START_MS = Date.UTC(2025, 9, 1); // 2025-10-01T00:00Z
export const SAMPLE_END_MS = Date.UTC(2026, 10, 1); // 2026-11-01T00:00Z, exclusive
export const SAMPLE_STEP_MS = 5 * 60_000;
/** 2026-04-15 09:00Z: the product launch (+25 % traffic, +60 GiB of migrated data). */
export const LAUNCH_MS = Date.UTC(2026, 3, 15, 9);
/** 2026-07-08 13:00Z–16:00Z: a runaway query saturates CPU. */
export const INCIDENT_START_MS = Date.UTC(2026, 6, 8, 13);
export const INCIDENT_END_MS = Date.UTC(2026, 6, 8, 16);
/** Monitoring outages: no samples for any series. */
export const MONITORING_GAPS: readonly { readonly from: number; readonly to: number }[] = [
  { from: Date.UTC(2026, 0, 12, 3), to: Date.UTC(2026, 0, 12, 5) },
  { from: Date.UTC(2026, 4, 3, 22), to: Date.UTC(2026, 4, 4, 4) },
  { from: Date.UTC(2026, 7, 20, 10, 15), to: Date.UTC(2026, 7, 20, 11) },
];

export interface SampleSeries {
  readonly name: string;
  readonly unit: string;
  readonly times: Float64Array;
  readonly values: Float64Array;
}

const MONTH_MS = 30.44 * 86_400_000;
const MONTHLY_GROWTH = 0.03;

/** Share of the day's peak at an hour of day (UTC), business hours in Europe and the US. */
function dailyShape(hourOfDay: number): number {
  const europe = Math.exp(-((hourOfDay - 10) ** 2) / 8);
  const us = Math.exp(-((hourOfDay - 16.5) ** 2) / 10);
  return 0.22 + 0.55 * europe + 0.7 * us;
}

function weeklyShape(dayOfWeek: number): number {
  return dayOfWeek === 0 ? 0.58 : dayOfWeek === 6 ? 0.64 : dayOfWeek === 1 ? 1.04 : 1;
}

export function generateSampleSeries(seed = SAMPLE_SEED): SampleSeries[] {
  const random = new SeededRandom(seed);
  const count = Math.floor((SAMPLE_END_MS - SAMPLE_START_MS) / SAMPLE_STEP_MS);
  const inGap = (t: number): boolean => MONITORING_GAPS.some((g) => t >= g.from && t < g.to);
  const names = [
    ['cpu_pct', '%'],
    ['memory_used_gib', 'GiB'],
    ['storage_used_gib', 'GiB'],
    ['read_iops', 'IOPS'],
    ['write_iops', 'IOPS'],
    ['read_qps', 'QPS'],
    ['write_qps', 'QPS'],
    ['active_connections', 'count'],
    ['replication_lag_s', 's'],
  ] as const;
  const columns = names.map(() => ({ times: new Float64Array(count), values: new Float64Array(count), n: 0 }));
  let storage = 820;
  let slowNoise = 0;
  let lagState = 0.08;
  for (let i = 0; i < count; i++) {
    const t = SAMPLE_START_MS + i * SAMPLE_STEP_MS;
    const date = new Date(t);
    const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
    const months = (t - SAMPLE_START_MS) / MONTH_MS;
    const launched = t >= LAUNCH_MS;
    const incident = t >= INCIDENT_START_MS && t < INCIDENT_END_MS;
    const nightlyBatch = hour >= 2 && hour < 3.25;
    // A slowly wandering level (AR(1)) plus white noise: real traffic is not a clean sine.
    slowNoise = 0.995 * slowNoise + 0.004 * random.normal();
    const growth = (1 + MONTHLY_GROWTH) ** months * (launched ? 1.25 : 1);
    const load = 5200 * growth * dailyShape(hour) * weeklyShape(date.getUTCDay()) * (1 + slowNoise + 0.03 * random.normal());
    const readQps = Math.max(0, load * 0.81);
    const writeQps = Math.max(0, load * 0.19 * (nightlyBatch ? 1.9 : 1));
    const queries = readQps + writeQps;
    let cpu = 7 + queries * 0.0061 + (nightlyBatch ? 9 : 0) + 1.2 * random.normal();
    if (incident) cpu = 96 + 2 * random.next();
    cpu = Math.min(100, Math.max(1, cpu));
    const memory = 47.5 + 0.35 * months + 1.5 * dailyShape(hour) + (launched ? 1.2 : 0) + 0.25 * random.normal();
    storage += (0.92 * growth * SAMPLE_STEP_MS) / 86_400_000 + 0.004 * random.normal();
    if (i > 0 && t - SAMPLE_STEP_MS < LAUNCH_MS && t >= LAUNCH_MS) storage += 60;
    // Weekly VACUUM FULL of an archive table returns a little space on Sunday 04:00.
    if (date.getUTCDay() === 0 && date.getUTCHours() === 4 && date.getUTCMinutes() === 0) storage -= 2.5;
    const readIops = readQps * 0.42 * (1 + 0.05 * random.normal()) + (incident ? 5200 : 0);
    const writeIops = writeQps * 1.45 * (1 + 0.05 * random.normal()) + (date.getUTCMinutes() % 15 === 0 ? 900 : 0);
    const latencyS = 0.0021 * (1 + (cpu / 100) ** 4 * 6);
    const connections = 24 + queries * latencyS * 2.2 + (incident ? 310 : 0) + 3 * random.normal();
    lagState = 0.9 * lagState + 0.1 * (0.06 + 0.04 * random.next()) + (nightlyBatch ? 0.35 * random.next() : 0) + (incident ? 1.4 : 0);
    const values = [cpu, memory, storage, readIops, writeIops, readQps, writeQps, connections, lagState];
    if (inGap(t)) continue;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      if (column === undefined) continue;
      column.times[column.n] = t;
      column.values[column.n] = round(Math.max(0, values[c] ?? 0), c === 8 ? 3 : 2);
      column.n++;
    }
  }
  return names.map(([name, unit], c) => {
    const column = columns[c];
    const n = column?.n ?? 0;
    return { name, unit, times: column?.times.slice(0, n) ?? new Float64Array(), values: column?.values.slice(0, n) ?? new Float64Array() };
  });
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * A pgbench-style load test on the production instance class: clients vs transactions
 * per second, following the USL with σ = 0.03, κ = 0.0004, λ = 900 per client, with
 * 2 % measurement noise.
 */
export function sampleLoadTest(seed = SAMPLE_SEED): LoadTest {
  const random = new SeededRandom(seed + 1);
  const sigma = 0.03;
  const kappa = 0.0004;
  const lambda = 900;
  const clients = [1, 2, 4, 8, 16, 24, 32, 48, 64, 96, 128];
  return {
    name: 'pgbench on mem.2xlarge (sample)',
    description: 'pgbench -S-like read-mostly mix, 5 minutes per step, sample data generated from the USL (σ 0.03, κ 0.0004, λ 900/s)',
    points: clients.map((n) => {
      const throughput = ((lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1))) * (1 + 0.02 * random.normal());
      return { concurrency: n, throughput: round(throughput, 1), latencyMs: round((n / throughput) * 1000, 2) };
    }),
  };
}

const PRICE_NOTE = 'Sample prices for illustration only — not a quote from any provider';
const PRICES_AS_OF = '2026-11-01';

/** Instance sizes with clearly labelled sample prices (USD). */
export function sampleCatalog(): InstanceType[] {
  const family = (
    prefix: string,
    memoryPerVcpu: number,
    perVcpuHour: number,
    sizes: readonly [string, number, number, number, number][],
  ): InstanceType[] =>
    sizes.map(([size, vcpu, iops, throughput, network]) => ({
      provider: 'ExampleCloud',
      instanceClass: `${prefix}.${size}`,
      vcpu,
      memoryGiB: vcpu * memoryPerVcpu,
      storageType: 'network SSD (gp3-like)',
      maxStorageGiB: 65_536,
      maxIops: iops,
      maxThroughputMiBps: throughput,
      networkGbps: network,
      maxConnections: Math.min(5000, Math.round((vcpu * memoryPerVcpu * 1024 * 1024 * 1024) / 9_531_392)),
      onDemandPerHour: round(vcpu * perVcpuHour, 3),
      committedPerHour: round(vcpu * perVcpuHour * 0.62, 3),
      storagePerGiBMonth: 0.115,
      iopsPerMonth: 0.02,
      currency: 'USD',
      priceNote: PRICE_NOTE,
      pricesAsOf: PRICES_AS_OF,
    }));
  const sizes: [string, number, number, number, number][] = [
    ['large', 2, 12_000, 250, 10],
    ['xlarge', 4, 20_000, 500, 10],
    ['2xlarge', 8, 40_000, 1000, 10],
    ['4xlarge', 16, 40_000, 1000, 10],
    ['8xlarge', 32, 64_000, 2000, 12],
    ['12xlarge', 48, 80_000, 2500, 20],
    ['16xlarge', 64, 80_000, 2500, 25],
  ];
  return [...family('gen', 4, 0.0855, sizes), ...family('mem', 8, 0.12, sizes)];
}

/** A statement of the sample's application, with its share of the read or write load. */
interface SampleStatement {
  readonly queryId: string;
  readonly query: string;
  readonly side: 'read' | 'write';
  /** Share of its side's calls. */
  readonly share: number;
  /** Mean execution time at low load, ms. */
  readonly baseMs: number;
  readonly rowsPerCall: number;
}

/** The sample application's statements, as pg_stat_statements would normalise them. */
export const SAMPLE_STATEMENTS: readonly SampleStatement[] = [
  { queryId: '-7253412981042370127', query: 'SELECT o.id, o.status, o.total FROM orders o WHERE o.id = $1', side: 'read', share: 0.34, baseMs: 0.05, rowsPerCall: 1 },
  { queryId: '3390192847560128845', query: 'SELECT o.id, o.created_at, o.total FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT $2', side: 'read', share: 0.22, baseMs: 0.4, rowsPerCall: 20 },
  { queryId: '-1184470192734551020', query: 'SELECT p.id, p.name, p.price, i.available FROM products p JOIN inventory i ON i.product_id = p.id WHERE p.id = ANY($1)', side: 'read', share: 0.28, baseMs: 0.12, rowsPerCall: 4 },
  { queryId: '8812004471259033617', query: 'SELECT c.id, c.email, c.tier FROM customers c WHERE c.id = $1', side: 'read', share: 0.15, baseMs: 0.04, rowsPerCall: 1 },
  { queryId: '2047718254190372260', query: 'SELECT date_trunc($1, o.created_at) AS day, sum(o.total) FROM orders o WHERE o.created_at >= $2 GROUP BY 1', side: 'read', share: 0.01, baseMs: 180, rowsPerCall: 30 },
  { queryId: '-4426719038184461119', query: 'INSERT INTO orders (customer_id, status, total, created_at) VALUES ($1, $2, $3, now()) RETURNING id', side: 'write', share: 0.24, baseMs: 0.3, rowsPerCall: 1 },
  { queryId: '6630051982773354412', query: 'INSERT INTO order_lines (order_id, product_id, quantity, price) VALUES ($1, $2, $3, $4)', side: 'write', share: 0.36, baseMs: 0.15, rowsPerCall: 1 },
  { queryId: '-8841930061218764452', query: 'UPDATE inventory SET available = available - $1 WHERE product_id = $2', side: 'write', share: 0.2, baseMs: 0.2, rowsPerCall: 1 },
  { queryId: '1551229087734190288', query: 'UPDATE orders SET status = $1, updated_at = now() WHERE id = $2', side: 'write', share: 0.14, baseMs: 0.18, rowsPerCall: 1 },
  { queryId: '-3120904712281149067', query: 'SELECT j.id, j.payload FROM jobs j WHERE j.state = $1 ORDER BY j.id LIMIT $2 FOR UPDATE SKIP LOCKED', side: 'write', share: 0.06, baseMs: 0.6, rowsPerCall: 10 },
];

/** 2026-03-02 04:00Z: pg_stat_statements_reset() after a deploy; counters start again. */
export const STATEMENTS_RESET_MS = Date.UTC(2026, 2, 2, 4);

/**
 * Hourly pg_stat_statements snapshots of the sample system, consistent with its read
 * and write QPS: cumulative calls, execution time (slower when CPU is busy) and rows,
 * reset once. Rows as `psql --csv -c "SELECT now() AS snapshot_time, * FROM pg_stat_statements"`.
 */
export function sampleStatementSnapshots(series: readonly SampleSeries[], seed = SAMPLE_SEED): string {
  const random = new SeededRandom(seed + 2);
  const readQps = series.find((s) => s.name === 'read_qps');
  const writeQps = series.find((s) => s.name === 'write_qps');
  const cpu = series.find((s) => s.name === 'cpu_pct');
  if (readQps === undefined || writeQps === undefined || cpu === undefined) throw new Error('the sample lacks read_qps, write_qps or cpu_pct');
  const lines = ['snapshot_time,userid,dbid,toplevel,queryid,query,calls,total_exec_time,rows'];
  const calls = SAMPLE_STATEMENTS.map(() => 0);
  const time = SAMPLE_STATEMENTS.map(() => 0);
  const rows = SAMPLE_STATEMENTS.map(() => 0);
  let hourReads = 0;
  let hourWrites = 0;
  let hourCpu = 0;
  let samples = 0;
  for (let i = 0; i < readQps.times.length; i++) {
    const t = readQps.times[i] as number;
    hourReads += (readQps.values[i] as number) * 300;
    hourWrites += (writeQps.values[i] as number) * 300;
    hourCpu += cpu.values[i] as number;
    samples++;
    if ((t + 300_000) % 3_600_000 !== 0) continue;
    const snapshotMs = t + 300_000;
    if (snapshotMs - 3_600_000 < STATEMENTS_RESET_MS && snapshotMs >= STATEMENTS_RESET_MS) {
      calls.fill(0);
      time.fill(0);
      rows.fill(0);
    }
    const busy = hourCpu / Math.max(1, samples) / 100;
    SAMPLE_STATEMENTS.forEach((s, k) => {
      const n = Math.round((s.side === 'read' ? hourReads : hourWrites) * s.share * (1 + 0.02 * random.normal()));
      calls[k] = (calls[k] ?? 0) + Math.max(0, n);
      time[k] = (time[k] ?? 0) + Math.max(0, n) * s.baseMs * (1 + 4 * busy ** 3);
      rows[k] = (rows[k] ?? 0) + Math.max(0, n) * s.rowsPerCall;
      const stamp = new Date(snapshotMs).toISOString().replace('T', ' ').replace('.000Z', '+00');
      lines.push(`${stamp},16390,16384,t,${s.queryId},"${s.query}",${calls[k]},${(time[k] ?? 0).toFixed(3)},${rows[k]}`);
    });
    hourReads = 0;
    hourWrites = 0;
    hourCpu = 0;
    samples = 0;
  }
  return `${lines.join('\n')}\n`;
}
