// Benchmark: how long a forecast of a long 5-minute series takes — fit plus forecast with
// 80/95 % intervals — for Headroom's MSTL + ETS and its automatic choice, side by side in
// the same run with R's stlf() (forecast package: MSTL, then ETS on the seasonally adjusted
// series), on the same values. Two series: 90 days (25 920 points) and 13 months
// (114 048 points) of synthetic utilisation with daily and weekly cycles (periods 288 and
// 2016). Targets (issue): < 1 s and < 3 s on one core. Everything runs pinned to one core.
// Needs Rscript with the forecast package for the peer column; without it the peer is "—".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { median, writeSection } from './bench-utils.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const work = 'bench/.work/forecast';
mkdirSync(work, { recursive: true });
const tool = join(work, 'forecast-tool.mjs');
await build({ entryPoints: ['bench/forecast-tool.ts'], bundle: true, platform: 'node', format: 'esm', outfile: tool, logLevel: 'warning' });

const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pinned = (command, args) => {
  const run = spawnSync(canPin ? 'taskset' : command, canPin ? ['-c', '0', command, ...args] : args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status})`);
  return run.stdout;
};

// R times stlf (and mstl alone) in-process, after reading the values, so start-up and I/O do not count.
const R_SCRIPT = String.raw`
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
y <- msts(scan(args[1], quiet = TRUE), seasonal.periods = c(288, 2016))
h <- as.integer(args[2]); runs <- as.integer(args[3])
for (run in 0:runs) {
  started <- as.numeric(Sys.time()); d <- mstl(y); mstlSeconds <- as.numeric(Sys.time()) - started
  started <- as.numeric(Sys.time()); fc <- stlf(y, h = h, level = c(80, 95)); seconds <- as.numeric(Sys.time()) - started
  cat(sprintf('{"run":%d,"seconds":%.6f,"mstlSeconds":%.6f,"model":"%s"}\n', run, seconds, mstlSeconds, fc$method))
}
`;
const rscript = spawnSync('Rscript', ['-e', 'suppressMessages(library(forecast)); cat(R.version.string, "forecast", as.character(packageVersion("forecast")))'], { encoding: 'utf8' });
const hasR = rscript.status === 0;
if (hasR) writeFileSync(join(work, 'speed-peer.R'), R_SCRIPT);

const CASES = [
  { kind: '90d', label: '90 days of 5-minute values', points: 90 * 288, h: 7 * 288, horizon: '7 days (2 016 steps)', target: 1 },
  { kind: '13mo', label: '13 months of 5-minute values', points: 396 * 288, h: 30 * 288, horizon: '30 days (8 640 steps)', target: 3 },
];
const fmt = (x) => (x === undefined ? '—' : x.toFixed(2));
const lines = [];
const verdicts = [];
for (const c of CASES) {
  const csv = join(work, `speed-${c.kind}.csv`);
  spawnSync(process.execPath, [tool, 'series', c.kind, csv], { stdio: 'inherit' });
  console.log(`${c.label}: Headroom`);
  pinned(process.execPath, [tool, 'speed', c.kind, String(RUNS), join(work, `speed-${c.kind}.json`)]);
  const ours = JSON.parse(readFileSync(join(work, `speed-${c.kind}.json`), 'utf8'));
  let peer = [];
  if (hasR) {
    console.log(`${c.label}: R`);
    peer = pinned('Rscript', [join(work, 'speed-peer.R'), csv, String(c.h), String(RUNS)]).trim().split('\n').map((line) => JSON.parse(line));
  }
  const summarise = (rows) => (rows.length === 0 ? { cold: undefined, warm: undefined } : { cold: rows.find((r) => r.run === 0)?.seconds, warm: median(rows.filter((r) => r.run > 0).map((r) => r.seconds)) });
  const row = (name, rows, note) => {
    const { cold, warm } = summarise(rows);
    return `| ${c.label} | ${name} | ${fmt(warm)} | ${fmt(cold)} | ${note} |`;
  };
  const method = (m) => ours.filter((r) => r.method === m);
  const mstlEts = summarise(method('mstl-ets'));
  const app = summarise(method('app-auto'));
  lines.push(row('Headroom MSTL + ETS', method('mstl-ets'), `${c.points.toLocaleString('en-US')} points; ${method('mstl-ets')[0]?.model.replace(/ α=.*/, '')}`));
  if (hasR) {
    lines.push(row('R stlf (peer)', peer, `${c.points.toLocaleString('en-US')} points; ${peer[0]?.model}; R's mstl alone ${fmt(median(peer.filter((r) => r.run > 0).map((r) => r.mstlSeconds)))} s`));
  }
  lines.push(row('Headroom automatic choice, app pipeline', method('app-auto'), method('app-auto')[0]?.model.replace(/: .*/, '') ?? ''));
  if (method('auto-native').length > 0) lines.push(row('Headroom automatic choice on the native 5-minute values', method('auto-native'), `chooseModel over ${c.points.toLocaleString('en-US')} points, 5 origins of 2 016 steps; chose ${method('auto-native')[0]?.model}`));
  const peerWarm = summarise(peer).warm;
  verdicts.push(
    `${c.label}, ${c.horizon}: MSTL + ETS ${fmt(mstlEts.warm)} s — ${mstlEts.warm < c.target ? 'met' : '**missed**'} (< ${c.target} s)${peerWarm === undefined ? '' : `, ${(peerWarm / mstlEts.warm).toFixed(1)}× R's stlf`}; ` +
      `automatic choice as the app runs it ${fmt(app.warm)} s — ${app.warm < c.target ? 'met' : '**missed**'}.`,
  );
}
const markdown = `
### Forecast speed: MSTL + ETS and the automatic choice on long 5-minute series

${hasR ? rscript.stdout.trim() : 'R not installed (peer skipped)'} and Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; every process pinned to one core (\`taskset -c 0\`).
Seconds for fit + forecast with 80/95 % intervals, measured inside the process (no start-up, no file reading): median of ${RUNS} runs after a first one,
and the first run alone (cold: Node compiles the code on the way). Synthetic utilisation (%) with a daily and a weekly cycle, slow growth and wander;
periods 288 and 2016. The app pipeline is \`forecast.run\` with \`model: 'auto'\`: it resamples to the shortest step that keeps at most
20 000 points of history (15 minutes for 90 days, 1 hour for 13 months), then compares the candidates by a 5-origin backtest.

| series | method | seconds (median) | first run | notes |
|---|---|---:|---:|---|
${lines.join('\n')}

${verdicts.join('\n')}
The automatic choice refits every candidate at each backtest origin (5; 3 for histories over 5 000 steps). With several seasonal periods
its ETS candidate is MSTL + ETS (a single-season ETS with m = 24 beside it used to take most of the time, for a model MSTL already covers).
`;
writeSection('forecast-speed', markdown);
console.log(markdown);
