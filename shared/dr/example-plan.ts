/**
 * The plan `headroom dr --example` prints: a PostgreSQL 16 cluster run by Patroni with
 * pgBackRest, one scenario of every kind. Figures are realistic, not a vendor's: Patroni
 * defaults for timing (ttl 30 s, loop_wait 10 s, maximum_lag_on_failover 1 MiB),
 * pgBackRest-style weekly full + daily differential with a second, immutable repository
 * in another region, `archive_timeout` 60 s, single-threaded replay at tens of GiB/h.
 * Every field is explained in docs/dr-plan.md.
 */
export const EXAMPLE_DR_PLAN = {
  name: 'orders-db (PostgreSQL 16, Patroni + pgBackRest)',
  description: 'Three-zone primary region with a synchronous standby, an asynchronous standby and a 4-hour delayed replica; an asynchronous DR standby in a second region; pgBackRest repo1 in the primary region (zone-redundant object storage), repo2 (immutable) in the DR region.',
  engine: 'postgresql',
  startMonth: '2026-11',
  horizonMonths: 24,
  topology: {
    regions: [
      { name: 'eu-west-1', zones: ['a', 'b', 'c'] },
      { name: 'eu-central-1', zones: ['a', 'b'] },
    ],
    primary: { region: 'eu-west-1', zone: 'a' },
    interRegionRttMs: 25,
    intraRegionRttMs: 1,
  },
  database: {
    sizeGiB: 1200,
    monthlyGrowthPct: 4,
    walGiBPerHour: 6,
    walPeakGiBPerHour: 18,
    walPeakHours: 3,
    walPeakStartHour: 9,
    dailyChangedFraction: 0.04,
  },
  backups: {
    repository: { region: 'eu-west-1', zone: null },
    offsite: { region: 'eu-central-1', copyDelaySeconds: '2h', walDelaySeconds: '60s', immutable: true },
    full: { weekdays: ['sun'], hours: [1], throughputGiBPerHour: 400, successProbability: 0.98 },
    differential: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], hours: [1], throughputGiBPerHour: 400, successProbability: 0.99 },
    retention: { kind: 'count', full: 2 },
    compressionRatio: 0.35,
    storagePricePerGiBMonth: 0.023,
    offsitePricePerGiBMonth: 0.0125,
    currency: 'USD',
  },
  archiving: {
    intervalSeconds: '60s',
    latencySeconds: { min: 1, likely: 3, max: 30 },
    segmentMiB: 16,
    compressionRatio: 0.3,
    silentStallsPerYear: 2,
    timeToNoticeSeconds: { min: '15m', likely: '4h', max: '2d' },
    timeToFixSeconds: { min: '15m', likely: '1h', max: '4h' },
  },
  replication: {
    standbys: [
      { name: 'pg-b', region: 'eu-west-1', zone: 'b', mode: 'sync' },
      { name: 'pg-c', region: 'eu-west-1', zone: 'c', mode: 'async', lagSeconds: { p50: 0.3, p99: 5, max: 60 } },
      { name: 'pg-dr', region: 'eu-central-1', zone: 'a', mode: 'async', lagSeconds: { p50: 1, p99: 20, max: 300 }, failover: 'manual' },
      { name: 'pg-delayed', region: 'eu-west-1', zone: 'c', mode: 'async', lagSeconds: { p50: 0.5, p99: 10 }, delaySeconds: '4h' },
    ],
  },
  failover: {
    automatic: true,
    detectionSeconds: { min: 20, likely: 30, max: 40 },
    decisionSeconds: 0,
    manualDecisionSeconds: { min: '10m', likely: '30m', max: '2h' },
    promotionSeconds: { min: 2, likely: 5, max: 15 },
    rerouteSeconds: { min: 1, likely: 3, max: 10 },
    maximumLagOnFailoverBytes: 1048576,
  },
  restore: {
    decisionSeconds: { min: '10m', likely: '30m', max: '2h' },
    provisionSeconds: { min: '5m', likely: '15m', max: '45m' },
    baseGiBPerHour: { min: 250, likely: 400, max: 600 },
    offsiteBaseGiBPerHour: { min: 100, likely: 200, max: 300 },
    logFetchGiBPerHour: { min: 150, likely: 300, max: 450 },
    replayGiBPerHour: { min: 20, likely: 40, max: 60 },
    logFetchOverlapsReplay: true,
    verificationSeconds: { min: '5m', likely: '10m', max: '30m' },
    rerouteSeconds: { min: '1m', likely: '5m', max: '15m' },
    replaceNodeSeconds: { min: '10m', likely: '20m', max: '45m' },
  },
  scenarios: [
    { id: 'node-failure', kind: 'node-failure', annualRate: 1, beta: 0.02, targets: { rpoSeconds: '1m', rtoSeconds: '2m' } },
    { id: 'storage-loss', kind: 'storage-loss', annualRate: 0.2, beta: 0.05, targets: { rpoSeconds: '1m', rtoSeconds: '5m' } },
    { id: 'zone-outage', kind: 'zone-outage', annualRate: 0.1, detectionSeconds: { min: 30, likely: 60, max: 180 }, beta: 0.1, targets: { rpoSeconds: '1m', rtoSeconds: '10m' } },
    { id: 'region-outage', kind: 'region-outage', annualRate: 0.02, detectionSeconds: { min: '5m', likely: '15m', max: '1h' }, beta: 0.05, targets: { rpoSeconds: '15m', rtoSeconds: '4h' } },
    { id: 'logical-corruption', kind: 'logical-corruption', annualRate: 0.5, detectionSeconds: { min: '10m', likely: '1h', max: '8h' }, targets: { rpoSeconds: '5m', rtoSeconds: '8h' } },
    { id: 'ransomware', kind: 'ransomware', annualRate: 0.01, detectionSeconds: { min: '30m', likely: '2h', max: '12h' }, beta: 0.2, targets: { rpoSeconds: '1h', rtoSeconds: '24h' } },
    { id: 'silent-archive-failure', kind: 'silent-archive-failure', annualRate: 0.01, detectionSeconds: { min: '5m', likely: '15m', max: '1h' }, targets: { rpoSeconds: '1h', rtoSeconds: '8h' } },
  ],
} as const;
