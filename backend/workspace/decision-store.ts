import type { WorkspaceDb } from './open-workspace.js';
import { getMeta, setMeta } from './open-workspace.js';

import type { ScalingDecision } from '../../shared/api/types.js';

const KEY = 'scaling_decision';

export function loadDecision(db: WorkspaceDb): ScalingDecision | null {
  const raw = getMeta(db, KEY);
  if (raw === undefined) return null;
  try {
    const value = JSON.parse(raw) as Partial<ScalingDecision>;
    return typeof value.option === 'string' ? { option: value.option, note: value.note ?? '', decidedBy: value.decidedBy ?? '', decidedAt: value.decidedAt ?? '' } : null;
  } catch {
    return null;
  }
}

export function saveDecision(db: WorkspaceDb, decision: ScalingDecision): void {
  setMeta(db, KEY, JSON.stringify(decision));
}
