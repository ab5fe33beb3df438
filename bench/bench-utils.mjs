// Small helpers shared by the benchmarks: timed runs of whole commands with their peak
// memory (GNU time's %M), medians, and rewriting a marked section of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const GNU_TIME = ['/usr/bin/time'].find((p) => existsSync(p));

/** Runs a command once; returns wall seconds and peak resident memory in MiB (when GNU time exists). */
export function timeCommand(command, args, options = {}) {
  const wrapped = GNU_TIME === undefined ? [command, args] : [GNU_TIME, ['-f', '%M', command, ...args]];
  const started = process.hrtime.bigint();
  const run = spawnSync(wrapped[0], wrapped[1], { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const lastLine = run.stderr.trim().split('\n').pop() ?? '';
  const peakMiB = GNU_TIME === undefined ? null : Number(lastLine) / 1024;
  return { seconds, peakMiB, stdout: run.stdout };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in docs/benchmarks.md. */
export function writeSection(name, markdown) {
  const path = 'docs/benchmarks.md';
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  if (doc.includes(start) && doc.includes(end)) doc = doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, doc);
}

export function machineLine() {
  const cpus = spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim();
  const sqlite = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ')[0];
  return `Node ${process.version}, ${cpus} CPU cores, sqlite3 ${sqlite || 'absent'}, ${new Date().toISOString().slice(0, 10)}`;
}
