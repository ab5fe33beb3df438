// Builds everything the hosts run, into out/ (electron-builder packs out/; see
// electron-builder.yml):
//   out/cli.mjs, out/*-worker.mjs        the CLI (bin/headroom), the import and compute workers
//   out/electron/*.cjs                   desktop main process, preload, backend utility process
//   out/renderer/                        the UI (Vite)
// Run by `npm install` (prepare), `npm test` and `npm start`.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const only = process.argv.includes('--no-renderer') ? 'node' : 'all';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __HEADROOM_VERSION__: JSON.stringify(version) },
  // Native and Electron modules are loaded at run time, never bundled.
  external: ['better-sqlite3', 'electron'],
};

const started = Date.now();
// A full build starts clean, except for out/native (the Electron build of better-sqlite3,
// slow to make); a --no-renderer build (benchmarks, samples) keeps the UI it has.
if (only === 'all' && existsSync(join(root, 'out'))) {
  for (const entry of readdirSync(join(root, 'out'))) if (entry !== 'native') rmSync(join(root, 'out', entry), { recursive: true, force: true });
}
await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: { cli: join(root, 'cli/entry.ts'), 'import-worker': join(root, 'backend/jobs/import-worker.ts'), 'compute-worker': join(root, 'backend/compute/compute-worker.ts') },
    outdir: join(root, 'out'),
    outExtension: { '.js': '.mjs' },
    // Bundled ESM still meets CommonJS dependencies (better-sqlite3) through require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: {
      main: join(root, 'electron/main.ts'),
      'backend-host': join(root, 'electron/backend-host.ts'),
      'import-worker': join(root, 'backend/jobs/import-worker.ts'),
      'compute-worker': join(root, 'backend/compute/compute-worker.ts'),
    },
    outdir: join(root, 'out/electron'),
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    // A sandboxed preload may require only a few Electron modules, so it is one self-contained file.
    platform: 'browser',
    format: 'cjs',
    entryPoints: { preload: join(root, 'electron/preload.ts') },
    outdir: join(root, 'out/electron'),
    outExtension: { '.js': '.cjs' },
    target: 'chrome120',
  }),
  build({
    ...common,
    format: 'esm',
    entryPoints: { 'generate-sample': join(root, 'samples/generate-sample.ts') },
    outdir: join(root, 'out/tools'),
    outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
]);
if (only === 'all') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
console.log(`built out/ in ${((Date.now() - started) / 1000).toFixed(1)}s`);
