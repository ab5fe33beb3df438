import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { ApiFailure } from '../../shared/api/result.js';

export interface StagedFile {
  readonly id: string;
  /** The user's file name, for reports. */
  readonly name: string;
  readonly path: string;
  readonly sizeBytes: number;
  /** Whether Headroom owns the copy (an upload) and deletes it after the import. */
  readonly owned: boolean;
}

/**
 * Files chosen for import, each behind a random id. The UI never sends a path: in
 * browser mode it uploads the file's bytes here; in the desktop app the main process
 * registers the paths the user picked in the system dialog. An import names staged ids.
 */
export class Staging {
  private readonly files = new Map<string, StagedFile>();
  private readonly dir = join(tmpdir(), `headroom-staging-${process.pid}-${randomBytes(4).toString('hex')}`);

  /** Registers a file the user chose through a trusted dialog or the command line. */
  stagePath(path: string, name: string = basename(path)): StagedFile {
    const staged: StagedFile = { id: randomBytes(16).toString('hex'), name, path, sizeBytes: statSync(path).size, owned: false };
    this.files.set(staged.id, staged);
    return staged;
  }

  /** Streams an upload to a private temporary file. */
  async stageUpload(name: string, body: Readable): Promise<StagedFile> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = randomBytes(16).toString('hex');
    const path = join(this.dir, id);
    await pipeline(body, createWriteStream(path, { mode: 0o600 }));
    const staged: StagedFile = { id, name: basename(name) || 'upload', path, sizeBytes: statSync(path).size, owned: true };
    this.files.set(id, staged);
    return staged;
  }

  resolve(id: string): StagedFile {
    const staged = this.files.get(id);
    if (staged === undefined) throw new ApiFailure('not-found', `no staged file ${id}; choose the file again`);
    return staged;
  }

  /** Forgets staged files (and deletes uploaded copies). */
  release(ids: readonly string[]): void {
    for (const id of ids) {
      const staged = this.files.get(id);
      this.files.delete(id);
      if (staged?.owned) rmSync(staged.path, { force: true });
    }
  }

  dispose(): void {
    this.files.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
