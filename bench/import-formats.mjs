// Benchmark: import throughput and peak memory per format, on 2 million points each,
// side by side with a peer that only parses the same file: jq (C, loads the whole JSON
// document) for JSON formats, and sqlite3's `.import` for the delimited ones.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_FILES } from './format-generators.mjs';
import { machineLine, median, timeCommand, writeSection } from './bench-utils.mjs';

const POINTS = Number(process.env.BENCH_POINTS_PER_FORMAT ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const work = join('bench/.work', 'formats');
mkdirSync(work, { recursive: true });

const rows = [];
for (const spec of FORMAT_FILES) {
  const path = join(work, `${POINTS}-${spec.file}`);
  if (!existsSync(path)) await spec.write(path, POINTS);
  const ours = [];
  const peer = [];
  for (let run = 0; run < RUNS; run++) {
    const workspace = join(work, `${spec.format}.headroom`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true });
    ours.push(timeCommand(process.execPath, ['bin/headroom', 'import', path, '--workspace', workspace, '--format', spec.format]));
    if (spec.peer === 'jq') peer.push(timeCommand('jq', ['-c', 'length', path]));
    else {
      const db = join(work, 'peer.db');
      rmSync(db, { force: true });
      peer.push(timeCommand('sqlite3', [db, `.import --csv ${path} t`]));
    }
    process.stdout.write('.');
  }
  const seconds = median(ours.map((r) => r.seconds));
  const peerSeconds = median(peer.map((r) => r.seconds));
  rows.push(
    `| ${spec.format} | ${(statSync(path).size / 1048576).toFixed(0)} | ${seconds.toFixed(2)} | ${Math.round(POINTS / seconds).toLocaleString('en-US')} | ${Math.max(...ours.map((r) => r.peakMiB ?? 0)).toFixed(0)} | ${spec.peer === 'jq' ? 'jq' : 'sqlite3 .import'} ${peerSeconds.toFixed(2)} s, ${Math.max(...peer.map((r) => r.peakMiB ?? 0)).toFixed(0)} MiB |`,
  );
}
process.stdout.write('\n');
const markdown = `
### Import per format, ${POINTS.toLocaleString('en-US')} points each

${machineLine()}; ${RUNS === 1 ? 'one run' : `median of ${RUNS} runs`} per format, wall time of \`headroom import\` (process start to exit) and peak resident memory.
Peers only parse the same file: jq loads a JSON document whole; sqlite3's \`.import\` stores the rows as text.
For pg_stat_statements the "points" are statement samples (2 M rows: 200 statements × 10 000 snapshots).

| format | file MiB | seconds | points/s | peak MiB | peer on the same file |
|---|---:|---:|---:|---:|---|
${rows.join('\n')}
`;
writeSection('import-formats', markdown);
console.log(markdown);
