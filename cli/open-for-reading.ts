import { existsSync } from 'node:fs';
import { openWorkspace, type WorkspaceDb } from '../backend/workspace/open-workspace.js';
import { InputError } from './cli-errors.js';

/**
 * Opens a workspace for a command that only reads: read-only, so that reading a
 * colleague's file (or the bundled sample) never changes it, not even its journal mode.
 */
export function openForReading(path: string): WorkspaceDb {
  if (!existsSync(path)) throw new InputError(`${path}: no such workspace (create one with \`headroom import <file> --workspace ${path}\`)`);
  return openWorkspace(path, { readonly: true });
}
