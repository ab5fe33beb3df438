import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const HEADROOM_BIN = fileURLToPath(new URL('../../bin/headroom', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../../out/cli.mjs', import.meta.url));

/** Fails loudly (not a skip) when the CLI has not been built: `npm test` builds it first. */
export function requireBuiltCli(): void {
  if (!existsSync(BUILT_CLI)) throw new Error('out/cli.mjs is missing: run `npm run build` (npm test does it for you)');
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bin/headroom` exactly as a user's script would. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [HEADROOM_BIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `bin/headroom` without waiting (to interrupt or kill it). */
export function startCli(args: readonly string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [HEADROOM_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
