// `npm run bench`: builds, then runs every benchmark in bench/ (each writes its section
// of docs/benchmarks.md).
import { spawnSync } from 'node:child_process';

for (const step of [['scripts/build.mjs', '--no-renderer'], ['bench/import-csv.mjs'], ['bench/chart-window.mjs'], ['bench/import-formats.mjs'], ['bench/forecast-accuracy.mjs'], ['bench/forecast-speed.mjs'], ['bench/dr-monte-carlo.mjs'], ['bench/report.mjs']]) {
  console.log(`\n▶ ${step.join(' ')}`);
  const run = spawnSync(process.execPath, step, { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
