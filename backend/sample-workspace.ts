import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File name of the bundled sample workspace in samples/. */
export const SAMPLE_WORKSPACE_FILE = 'sample-postgres-oltp.headroom';

/**
 * The user's own copy of the bundled sample workspace, made on first use, so that
 * exploring (importing, deleting) never changes the file shipped with the app.
 * @param bundledSample path of samples/sample-postgres-oltp.headroom in the app
 * @param userDir the per-user configuration folder
 */
export function ensureSampleCopy(bundledSample: string, userDir: string): string | undefined {
  const copy = join(userDir, 'Sample workspace.headroom');
  if (existsSync(copy)) return copy;
  if (!existsSync(bundledSample)) return undefined;
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(bundledSample, copy);
  return copy;
}

/**
 * The workspace a host opens at start: the one asked for, else the last one used,
 * else the user's copy of the sample, so that a first start shows a complete example.
 */
export function initialWorkspace(requested: string | undefined, lastUsed: string | null, bundledSample: string, userDir: string): string | undefined {
  return requested ?? lastUsed ?? ensureSampleCopy(bundledSample, userDir);
}
