// Benchmark: importing a 2-million-row CSV (timestamp + 5 metrics) into a workspace,
// side by side in the same run with sqlite3's own `.import` of the same file into a
// table (Debian's sqlite3 CLI, the peer) and `wc -l` (the floor: just reading the file).
// Target (issue 2): faster than sqlite3's .import, peak memory under 300 MB.
// Results go to docs/benchmarks.md; run with `npm run bench`.
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { machineLine, median, timeCommand, writeSection } from './bench-utils.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const work = 'bench/.work';
mkdirSync(work, { recursive: true });
const csv = join(work, `metrics-${ROWS}.csv`);

/** Deterministic data shaped like an export: 1-minute samples of five metrics. */
async function generate() {
  if (existsSync(csv)) return;
  const out = createWriteStream(csv);
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  let buffer = 'timestamp,cpu_pct,memory_used_gib,read_iops,write_iops,active_connections\n';
  const start = Date.UTC(2022, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const t = new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z');
    const daily = Math.sin((i % 1440) / 229.2);
    buffer += `${t},${(35 + 20 * daily + 5 * next()).toFixed(2)},${(48 + next()).toFixed(3)},${Math.round(4000 + 1500 * daily + 300 * next())},${Math.round(900 + 200 * next())},${Math.round(120 + 40 * daily + 10 * next())}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

await generate();
const sizeMiB = statSync(csv).size / 1024 / 1024;
const contenders = {
  'wc -l (read floor)': () => timeCommand('wc', ['-l', csv]),
  'sqlite3 .import (peer)': () => {
    const db = join(work, 'peer.db');
    rmSync(db, { force: true });
    return timeCommand('sqlite3', [db, '.import --csv ' + csv + ' metrics']);
  },
  'headroom import': () => {
    const workspace = join(work, 'bench.headroom');
    for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true });
    return timeCommand(process.execPath, ['bin/headroom', 'import', csv, '--workspace', workspace]);
  },
};

const results = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  // Interleave the contenders so that a slow moment of the machine hits all of them.
  for (const [name, measure] of Object.entries(contenders)) {
    results[name].push(measure());
    process.stdout.write('.');
  }
}
process.stdout.write('\n');

const summary = Object.entries(results).map(([name, runs]) => ({
  name,
  seconds: median(runs.map((r) => r.seconds)),
  peakMiB: Math.max(...runs.map((r) => r.peakMiB ?? 0)),
}));
const peer = summary.find((s) => s.name.startsWith('sqlite3'));
const ours = summary.find((s) => s.name === 'headroom import');
const rows = summary
  .map((s) => `| ${s.name} | ${s.seconds.toFixed(2)} | ${Math.round(ROWS / s.seconds).toLocaleString('en-US')} | ${(peer.seconds / s.seconds).toFixed(2)}× | ${s.peakMiB.toFixed(0)} |`)
  .join('\n');
const verdict =
  ours.seconds < peer.seconds && ours.peakMiB < 300
    ? `**Target met**: ${(peer.seconds / ours.seconds).toFixed(2)}× the speed of sqlite3's .import, peak ${ours.peakMiB.toFixed(0)} MiB (< 300 MB).`
    : `**Target missed**: ${(peer.seconds / ours.seconds).toFixed(2)}× sqlite3's speed, peak ${ours.peakMiB.toFixed(0)} MiB (target: > 1× and < 300 MB).`;
const markdown = `
### Import of a ${ROWS.toLocaleString('en-US')}-row CSV (timestamp + 5 metrics, ${sizeMiB.toFixed(0)} MiB)

${machineLine()}; median of ${RUNS} interleaved runs, wall time of the whole command (process start to exit, including the commit and checkpoint); peak = maximum resident set size (GNU time).

| contender | seconds | rows/s | speed vs sqlite3 | peak MiB |
|---|---:|---:|---:|---:|
${rows}

${verdict}
`;
writeSection('import-csv', markdown);
console.log(markdown);
