// Benchmark: drawing a 10-million-point series. What the Data screen asks the backend
// for on every zoom or pan — min/max per pixel over a time window — timed for
// Headroom's chunk store, side by side in the same run with the obvious alternative,
// one row per point in SQLite, queried by the sqlite3 CLI (the peer) with GROUP BY.
// "Smooth" here means an answer well inside a frame budget of interaction (< 100 ms).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { machineLine, median, writeSection } from './bench-utils.mjs';

const POINTS = Number(process.env.BENCH_POINTS ?? 10_000_000);
const work = 'bench/.work';
mkdirSync(work, { recursive: true });
const tool = join(work, 'chart-window-tool.mjs');
await build({
  entryPoints: ['bench/chart-window-tool.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: tool,
  external: ['better-sqlite3'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const workspace = join(work, `window-${POINTS}.headroom`);
const peerDb = join(work, `window-${POINTS}-rows.db`);
const built = spawnSync(process.execPath, [tool, 'build', workspace, peerDb, String(POINTS)], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(built.stderr);
const { start, end } = JSON.parse(built.stdout);

// Zoom levels a user goes through: everything, a tenth, a hundredth, a thousandth, at 1 600 pixels.
let seed = 7;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const levels = [1, 0.1, 0.01, 0.001];
const windows = levels.flatMap((fraction) =>
  Array.from({ length: fraction === 1 ? 5 : 15 }, () => {
    const span = (end - start) * fraction;
    const from = start + random() * (end - start - span);
    return { fraction, from: Math.round(from), to: Math.round(from + span), buckets: 1600 };
  }),
);

const ours = JSON.parse(spawnSync(process.execPath, [tool, 'time', workspace, peerDb, String(POINTS), JSON.stringify(windows)], { encoding: 'utf8' }).stdout);

// The peer: the same windows as SQL, timed by sqlite3's own `.timer` (real time per query).
const sql = ['.timer on', ...windows.map((w) => `SELECT count(*) FROM (SELECT (t - ${w.from}) * ${w.buckets} / ${w.to - w.from + 1} AS b, min(v), max(v) FROM points WHERE t BETWEEN ${w.from} AND ${w.to} GROUP BY b);`)].join('\n');
writeFileSync(join(work, 'peer-queries.sql'), sql);
const peerRun = spawnSync('sqlite3', [peerDb], { input: sql, encoding: 'utf8' });
const peerTimes = [...peerRun.stdout.matchAll(/Run Time: real ([0-9.]+)/g)].map((m) => Number(m[1]) * 1000);

const rows = levels.map((fraction) => {
  const pick = (times) => times.filter((_, i) => windows[i].fraction === fraction);
  const a = pick(ours.times);
  const b = pick(peerTimes);
  const pointsInWindow = Math.round(POINTS * fraction).toLocaleString('en-US');
  const p95 = (xs) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
  return `| ${fraction === 1 ? 'whole series' : `${fraction * 100}% of it`} | ${pointsInWindow} | ${median(a).toFixed(1)} / ${p95(a).toFixed(1)} | ${median(b).toFixed(1)} / ${p95(b).toFixed(1)} | ${(median(b) / median(a)).toFixed(0)}× |`;
});
const markdown = `
### Chart window over a ${POINTS.toLocaleString('en-US')}-point series (min/max per pixel, 1 600 pixels)

${machineLine()}; ${windows.length} windows at random positions; milliseconds per query, median / P95.
Headroom reads its chunk store (block summaries where a block fits in one pixel); the peer is one row per point
(\`t INTEGER PRIMARY KEY, v REAL\`) with \`GROUP BY\` bucket in the sqlite3 CLI.

| window | points in window | Headroom ms | sqlite3 rows ms | Headroom faster by |
|---|---:|---:|---:|---:|
${rows.join('\n')}
`;
writeSection('chart-window', markdown);
console.log(markdown);
