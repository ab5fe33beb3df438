import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/headroom', import.meta.url));

/** A real `headroom serve` process on a workspace file, with its own settings folder. */
export class HeadroomServer {
  private constructor(private readonly child: ChildProcess, readonly url: string, readonly configDir: string) {}

  /** Starts the server and waits until it prints its URL. */
  static async start(workspace: string, configDir = mkdtempSync(join(tmpdir(), 'headroom-e2e-config-'))): Promise<HeadroomServer> {
    const urlFile = join(configDir, 'url.txt');
    rmSync(urlFile, { force: true });
    const child = spawn(process.execPath, [bin, 'serve', '--workspace', workspace, '--url-file', urlFile], {
      env: { ...process.env, HEADROOM_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const started = Date.now();
    while (!existsSync(urlFile)) {
      if (child.exitCode !== null) throw new Error(`headroom serve exited (${child.exitCode}): ${output}`);
      if (Date.now() - started > 20_000) throw new Error(`headroom serve did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return new HeadroomServer(child, readFileSync(urlFile, 'utf8'), configDir);
  }

  /** Kills it as a crash would (SIGKILL): no shutdown code runs. */
  async crash(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** Stops it as a user would (Ctrl-C). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGINT');
    await exited;
  }
}
