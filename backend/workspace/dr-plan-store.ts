import { parseDrPlan } from '../../shared/dr/dr-plan-schema.js';
import type { WorkspaceDb } from './open-workspace.js';
import { getMeta, setMeta } from './open-workspace.js';

/**
 * The workspace's DR plan, kept as the user wrote it (the input form, durations as
 * text), so that the editor shows it back unchanged. Saved only when it validates, so
 * the report and the CLI can always simulate what is stored. One upsert = all or none.
 */

const KEY = 'dr_plan';

export interface StoredDrPlan {
  readonly plan: Record<string, unknown>;
  readonly savedAt: string;
}

/** The stored plan; null when none is stored or what is stored no longer parses as JSON. */
export function loadDrPlan(db: WorkspaceDb): StoredDrPlan | null {
  const raw = getMeta(db, KEY);
  if (raw === undefined) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredDrPlan>;
    if (typeof value.plan !== 'object' || value.plan === null || Array.isArray(value.plan)) return null;
    return { plan: value.plan, savedAt: typeof value.savedAt === 'string' ? value.savedAt : '' };
  } catch {
    return null;
  }
}

/**
 * Validates and stores a plan.
 * @throws {DrPlanError} naming the invalid fields; nothing is written then
 */
export function saveDrPlan(db: WorkspaceDb, plan: Record<string, unknown>, now: string): StoredDrPlan {
  parseDrPlan(plan);
  const stored: StoredDrPlan = { plan, savedAt: now };
  setMeta(db, KEY, JSON.stringify(stored));
  return stored;
}
