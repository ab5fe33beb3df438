import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ImportProvenance } from '../../shared/report/report-model.js';

/**
 * Whether the files a report's data came from still exist and still have the SHA-256 the
 * import recorded: the last link of provenance, from the report back to the export a
 * colleague can re-open. Files are looked for as recorded (absolute, or relative to the
 * current folder) and beside the workspace.
 */

export type SourceFileState = 'matches' | 'differs' | 'not-found' | 'no-hash';

export interface SourceFileCheck {
  readonly file: string;
  readonly state: SourceFileState;
  /** Where it was found; null when not found. */
  readonly path: string | null;
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolveHash, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolveHash(hash.digest('hex')));
  });
}

/** @example await checkSourceFiles(model.provenance.imports, 'samples/sample-postgres-oltp.headroom') */
export async function checkSourceFiles(imports: readonly ImportProvenance[], workspacePath: string): Promise<SourceFileCheck[]> {
  const checks: SourceFileCheck[] = [];
  for (const f of imports) {
    const places = isAbsolute(f.file) ? [f.file] : [resolve(f.file), resolve(dirname(workspacePath), f.file)];
    const path = places.find((p) => existsSync(p) && statSync(p).isFile()) ?? null;
    if (path === null) checks.push({ file: f.file, state: 'not-found', path });
    else if (f.sha256 === null) checks.push({ file: f.file, state: 'no-hash', path });
    else checks.push({ file: f.file, state: (await sha256Of(path)) === f.sha256 ? 'matches' : 'differs', path });
  }
  return checks;
}
