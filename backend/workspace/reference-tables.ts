import type { InstanceType, LoadTest } from '../../shared/api/types.js';
import type { WorkspaceDb } from './open-workspace.js';

/** Load tests with their points, by name. */
export function listLoadTests(db: WorkspaceDb): LoadTest[] {
  const tests = db.prepare<[], { id: number; name: string; description: string }>('SELECT id, name, description FROM load_test ORDER BY name').all();
  const points = db.prepare<[number], { concurrency: number; throughput: number; latency_ms: number | null }>(
    'SELECT concurrency, throughput, latency_ms FROM load_test_point WHERE load_test_id = ? ORDER BY concurrency',
  );
  return tests.map((t) => ({
    name: t.name,
    description: t.description,
    points: points.all(t.id).map((p) => ({ concurrency: p.concurrency, throughput: p.throughput, latencyMs: p.latency_ms })),
  }));
}

/** Replaces (or adds) a load test and its points. */
export function saveLoadTest(db: WorkspaceDb, test: LoadTest): void {
  db.transaction(() => {
    db.prepare('DELETE FROM load_test WHERE name = ?').run(test.name);
    const id = db.prepare('INSERT INTO load_test(name, description) VALUES (?, ?)').run(test.name, test.description).lastInsertRowid;
    const insert = db.prepare('INSERT INTO load_test_point(load_test_id, concurrency, throughput, latency_ms) VALUES (?, ?, ?, ?)');
    for (const p of test.points) insert.run(id, p.concurrency, p.throughput, p.latencyMs);
  }).immediate();
}

interface InstanceRow {
  provider: string;
  instance_class: string;
  vcpu: number;
  memory_gib: number;
  storage_type: string;
  max_storage_gib: number;
  max_iops: number;
  max_throughput_mibps: number;
  network_gbps: number;
  max_connections: number;
  on_demand_per_hour: number;
  committed_per_hour: number;
  storage_per_gib_month: number;
  iops_per_month: number;
  currency: string;
  price_note: string;
  prices_as_of: string;
}

/** The instance catalog, by provider and size. */
export function listInstanceTypes(db: WorkspaceDb): InstanceType[] {
  return db
    .prepare<[], InstanceRow>('SELECT * FROM instance_type ORDER BY provider, vcpu, memory_gib')
    .all()
    .map((r) => ({
      provider: r.provider,
      instanceClass: r.instance_class,
      vcpu: r.vcpu,
      memoryGiB: r.memory_gib,
      storageType: r.storage_type,
      maxStorageGiB: r.max_storage_gib,
      maxIops: r.max_iops,
      maxThroughputMiBps: r.max_throughput_mibps,
      networkGbps: r.network_gbps,
      maxConnections: r.max_connections,
      onDemandPerHour: r.on_demand_per_hour,
      committedPerHour: r.committed_per_hour,
      storagePerGiBMonth: r.storage_per_gib_month,
      iopsPerMonth: r.iops_per_month,
      currency: r.currency,
      priceNote: r.price_note,
      pricesAsOf: r.prices_as_of,
    }));
}

/** Replaces the whole catalog. */
export function saveInstanceTypes(db: WorkspaceDb, types: readonly InstanceType[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM instance_type').run();
    const insert = db.prepare(
      `INSERT INTO instance_type(provider, instance_class, vcpu, memory_gib, storage_type, max_storage_gib, max_iops, max_throughput_mibps,
         network_gbps, max_connections, on_demand_per_hour, committed_per_hour, storage_per_gib_month, iops_per_month, currency, price_note, prices_as_of)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of types) {
      insert.run(t.provider, t.instanceClass, t.vcpu, t.memoryGiB, t.storageType, t.maxStorageGiB, t.maxIops, t.maxThroughputMiBps, t.networkGbps,
        t.maxConnections, t.onDemandPerHour, t.committedPerHour, t.storagePerGiBMonth, t.iopsPerMonth, t.currency, t.priceNote, t.pricesAsOf);
    }
  }).immediate();
}
