// Benchmark: the sign-off report of the sample workspace — capacity review, scaling
// decision and DR sign-off in one pass (the runway assessment is made once and reused by
// the scaling comparison) — side by side in the same run with the obvious alternative:
// the three separate commands that give the same figures (`runway`, `scale`, `dr
// --workspace`). Also times the PDF (headless Chromium, when present) and
// `report --verify`. Writes its section of docs/benchmarks.md.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { machineLine, median, timeCommand, writeSection } from './bench-utils.mjs';
import { spawnSync } from 'node:child_process';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const work = 'bench/.work/report';
mkdirSync(work, { recursive: true });
const workspace = join(work, 'sample.headroom');
copyFileSync('samples/sample-postgres-oltp.headroom', workspace);
const cli = (args) => timeCommand(process.execPath, ['bin/headroom', ...args]);
const hasChromium = spawnSync('sh', ['-c', 'command -v chromium || test -x /usr/bin/chromium'], { encoding: 'utf8' }).status === 0;

const runs = { html: [], separate: [], pdf: [], verify: [] };
for (let run = 0; run < RUNS; run++) {
  const html = cli(['report', '--workspace', workspace, '--out', join(work, 'r.html')]);
  runs.html.push(html);
  const parts = [cli(['runway', '--workspace', workspace, '--json']), cli(['scale', '--workspace', workspace, '--json']), cli(['dr', '--workspace', workspace, '--json'])];
  runs.separate.push({ seconds: parts.reduce((s, p) => s + p.seconds, 0), peakMiB: Math.max(...parts.map((p) => p.peakMiB ?? 0)) });
  if (hasChromium) runs.pdf.push(cli(['report', '--workspace', workspace, '--out', join(work, 'r.pdf')]));
  runs.verify.push(cli(['report', '--verify', join(work, 'r.html'), '--workspace', workspace]));
  process.stdout.write('.');
}
process.stdout.write('\n');
const s = (name) => median(runs[name].map((r) => r.seconds));
const peak = (name) => Math.max(...runs[name].map((r) => r.peakMiB ?? 0));
const pages = runs.pdf[0]?.stdout.match(/\((\d+) pages?\)/)?.[1] ?? '—';
const markdown = `
### Sign-off report of the sample workspace

${machineLine()}; median of ${RUNS} runs, wall time of the whole command (Node start-up included), peak memory by GNU time.

| contender | s | peak MiB |
|---|---:|---:|
| \`headroom report --out r.html\` (capacity, scaling, DR; 100 000 DR trials per scenario) | ${s('html').toFixed(2)} | ${peak('html').toFixed(0)} |
| peer: the three commands that give the same figures (\`runway\` + \`scale\` + \`dr --workspace\`) | ${s('separate').toFixed(2)} | ${peak('separate').toFixed(0)} |
| \`headroom report --out r.pdf\` (${pages} pages, headless Chromium) | ${hasChromium ? s('pdf').toFixed(2) : '— (no Chromium)'} | ${hasChromium ? peak('pdf').toFixed(0) : '—'} |
| \`headroom report --verify r.html\` (recompute and compare every value) | ${s('verify').toFixed(2)} | ${peak('verify').toFixed(0)} |

The report reads the workspace once and makes the runway assessment once (the scaling comparison reuses it when both
look as far ahead), so it costs ${(s('html') / s('separate')).toFixed(2)}× the three separate commands that give the same figures.
`;
writeSection('report', markdown);
console.log(markdown);
