// Scans the desktop host with Doyensec's electronegativity (Electron security checklist
// §1-20, docs/security.md) and fails on any HIGH or MEDIUM finding that
// electron/electronegativity-accepted.json does not accept with a reason — and on any
// accepted finding that is no longer reported (the list must not outlive its reasons).
// Run by `npm test`; offline and a few seconds.
//
// What is scanned: electron/*.ts (not tests, not the type declarations), read as
// TypeScript by electronegativity's Babel parser, plus renderer/index.html (whose CSP meta
// tag the desktop app serves, with the same policy also sent as a header by app-protocol.ts).
// They are copied to a temporary folder first so that nothing else (tests, node_modules)
// is scanned; line numbers stay those of the sources.
//
// Offline: electronegativity fetches translations and Electron's release list over HTTP
// (the `got` package). That module is replaced, for this process only, by one that fails
// at once, so the translations fall back to the bundled English; the one check that needs
// the release list (AvailableSecurityFixesGlobalCheck: "is there a newer Electron with
// security fixes?") is switched off — `npm outdated`/Dependabot answer that, not CI.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ACCEPTED_FILE = 'electron/electronegativity-accepted.json';
const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);
const started = Date.now();

const require = createRequire(import.meta.url);
const runnerFile = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'runner.js');
const requireFromTool = createRequire(runnerFile);
const offline = () => Promise.reject(new Error('headroom: electronegativity runs offline'));
const gotFile = requireFromTool.resolve('got');
requireFromTool.cache[gotFile] = { id: gotFile, filename: gotFile, loaded: true, exports: Object.assign(offline, { default: offline }) };

// The Electron version decides which defaults electronegativity assumes: the one installed, else the one locked.
function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const version = lock.packages?.['node_modules/electron']?.version;
    if (typeof version !== 'string') throw new Error('electronegativity: no Electron version in package-lock.json');
    return version;
  }
}

const stage = mkdtempSync(join(tmpdir(), 'headroom-electronegativity-'));
const sources = readdirSync(join(root, 'electron')).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'));
const staged = new Map(); // staged file name → source path, for the report
for (const name of sources) {
  copyFileSync(join(root, 'electron', name), join(stage, name));
  staged.set(name, `electron/${name}`);
}
copyFileSync(join(root, 'renderer', 'index.html'), join(stage, 'index.html'));
staged.set('index.html', 'renderer/index.html');
// A canary: a window configured as badly as possible. Unless the scan reports it, the scan
// is not working (a parser or loader change upstream), and a clean result would mean nothing.
const CANARY = 'electronegativity-canary.ts';
const CANARY_FINDINGS = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK'];
writeFileSync(
  join(stage, CANARY),
  "import { BrowserWindow } from 'electron';\nexport const bad = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n",
);

const version = electronVersion();
let result;
const quiet = { log: console.log, warn: console.warn, info: console.info };
try {
  // electronegativity reports its offline fallbacks on the console; what matters is printed below.
  console.log = console.warn = console.info = () => undefined;
  const tool = requireFromTool(runnerFile);
  const run = tool.default ?? tool;
  result = await run(
    { input: stage, isRelative: true, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], parserPlugins: [], electronVersionOverride: version },
    false,
  );
} finally {
  Object.assign(console, quiet);
  rmSync(stage, { recursive: true, force: true });
}

const sourceOf = (file) => staged.get(file) ?? (file === 'N/A' ? '(whole app)' : file);
const accepted = JSON.parse(readFileSync(join(root, ACCEPTED_FILE), 'utf8'));
const isAccepted = (issue, entry) => entry.id === issue.id && entry.file === sourceOf(issue.file);
const problems = [];

for (const error of result.errors) {
  // A file that does not parse was not checked at all.
  if (!error.tolerable) problems.push(`${sourceOf(relative(stage, error.file))}: could not be parsed (${error.message}); it was not checked`);
}
for (const entry of accepted) {
  if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`${ACCEPTED_FILE}: ${entry.id} in ${entry.file} needs a reason`);
}

const canaryIds = new Set(result.issues.filter((issue) => issue.file === CANARY).map((issue) => issue.id));
const silent = CANARY_FINDINGS.filter((id) => !canaryIds.has(id));
if (silent.length > 0) problems.push(`the scan missed ${silent.join(', ')} in a deliberately insecure file: it is not working, so its other results cannot be trusted`);

console.log(`electronegativity ${JSON.parse(readFileSync(join(dirname(runnerFile), '..', 'package.json'), 'utf8')).version}: Electron ${version}, ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${staged.size} files (and a canary)`);
const findings = result.issues.filter((issue) => issue.file !== CANARY).sort((a, b) => b.severity.value - a.severity.value || a.id.localeCompare(b.id));
for (const issue of findings) {
  const where = `${sourceOf(issue.file)}${issue.location.line > 0 ? `:${issue.location.line}` : ''}`;
  const entry = accepted.find((e) => isAccepted(issue, e));
  const failing = FAILING_SEVERITIES.has(issue.severity.name);
  const verdict = entry !== undefined ? 'accepted' : failing ? 'NOT ACCEPTED' : 'noted';
  console.log(`  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id} ${where} — ${verdict}: ${entry?.reason ?? issue.description}`);
  if (failing && entry === undefined) problems.push(`${issue.id} at ${where}: ${issue.description} (${issue.shortenedURL}) — fix it, or accept it in ${ACCEPTED_FILE} with a reason`);
}
for (const entry of accepted) {
  if (!findings.some((issue) => isAccepted(issue, entry))) problems.push(`${ACCEPTED_FILE}: ${entry.id} in ${entry.file} is no longer reported; remove the entry`);
}

if (problems.length > 0) {
  console.error(`\nelectronegativity: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`electronegativity: no unaccepted HIGH or MEDIUM finding (${((Date.now() - started) / 1000).toFixed(1)} s)`);
