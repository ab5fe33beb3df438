import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the built UI and the samples are, relative to this bundle (out/cli.mjs):
 * out/renderer/, out/import-worker.mjs and samples/ of the checkout or the installed package.
 */
export function appPaths(): { rendererDir: string; samplesDir: string; importWorker: string; computeWorker: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = resolve(here, '..');
  return { rendererDir: join(root, 'out', 'renderer'), samplesDir: join(root, 'samples'), importWorker: join(root, 'out', 'import-worker.mjs'), computeWorker: join(root, 'out', 'compute-worker.mjs') };
}
