import type { WorkspaceDb } from './open-workspace.js';
import { getMeta, setMeta } from './open-workspace.js';

/**
 * Unsaved edits, kept beside the saved value so that a crash (of the app, the backend or
 * the machine) loses at most the last keystrokes: editors write their draft a moment
 * after each change and discard it on save or cancel; on the next open the editor offers
 * the draft back. Drafts are opaque JSON of a bounded size; one upsert each.
 */

export const DRAFT_EDITORS = ['dr-plan', 'system'] as const;
export type DraftEditor = (typeof DRAFT_EDITORS)[number];

export interface Draft {
  readonly editor: DraftEditor;
  readonly value: unknown;
  readonly savedAt: string;
}

const key = (editor: DraftEditor): string => `draft:${editor}`;

export function loadDraft(db: WorkspaceDb, editor: DraftEditor): Draft | null {
  const raw = getMeta(db, key(editor));
  if (raw === undefined) return null;
  try {
    const parsed = JSON.parse(raw) as { value?: unknown; savedAt?: unknown };
    return { editor, value: parsed.value ?? null, savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : '' };
  } catch {
    return null;
  }
}

export function saveDraft(db: WorkspaceDb, editor: DraftEditor, value: unknown, now: string): Draft {
  setMeta(db, key(editor), JSON.stringify({ value, savedAt: now }));
  return { editor, value, savedAt: now };
}

export function discardDraft(db: WorkspaceDb, editor: DraftEditor): boolean {
  return db.prepare('DELETE FROM meta WHERE key = ?').run(key(editor)).changes > 0;
}
