// `npm test`: everything a change must pass, in order, stopping at the first failure:
// build → typecheck (per layer) → lint → Electron security scan (electronegativity) →
// unit/property/oracle tests (Vitest) →
// end-to-end tests (Playwright driving Chromium against `headroom serve`) →
// desktop tests (skip themselves, saying so, where no Electron binary exists).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const node = process.execPath;
// The tools' own entry files (not all of them are exported for require.resolve).
const tool = (...path) => join('node_modules', ...path);
const steps = [
  ['build', [node, 'scripts/build.mjs']],
  ['typecheck', [node, 'scripts/typecheck.mjs']],
  ['lint', [node, tool('eslint', 'bin', 'eslint.js'), '--max-warnings=0', '.']],
  ['Electron security scan', [node, 'scripts/electronegativity.mjs']],
  ['unit tests', [node, tool('vitest', 'vitest.mjs'), 'run']],
  ['end-to-end tests', [node, tool('@playwright', 'test', 'cli.js'), 'test', '-c', 'test/e2e/playwright.config.ts']],
  ['desktop tests', [node, tool('@playwright', 'test', 'cli.js'), 'test', '-c', 'test/electron/playwright.config.ts']],
];

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (chromium === undefined && process.env.CHROMIUM_PATH === undefined) {
  console.error('npm test: Chromium is needed for the end-to-end tests. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  process.exit(1);
}

for (const [name, [command, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${run.status ?? run.signal})`);
    process.exit(run.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
