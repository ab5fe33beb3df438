import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { EXAMPLE_DR_PLAN } from '../../shared/dr/example-plan.js';
import { DrPlanError } from '../../shared/dr/dr-plan-schema.js';
import { discardDraft, loadDraft, saveDraft } from './draft-store.js';
import { loadDrPlan, saveDrPlan } from './dr-plan-store.js';
import { openWorkspace } from './open-workspace.js';

const tempDir = useTempDir();
const example = (): Record<string, unknown> => structuredClone(EXAMPLE_DR_PLAN) as unknown as Record<string, unknown>;

describe('the DR plan and editor drafts in the workspace', () => {
  it('keeps the plan as written (durations as text) and survives reopening', () => {
    const path = join(tempDir(), 'w.headroom');
    const db = openWorkspace(path, { create: true });
    expect(loadDrPlan(db)).toBeNull();
    saveDrPlan(db, example(), '2026-11-24T00:00:00.000Z');
    db.close();
    const again = openWorkspace(path, { readonly: true });
    expect(loadDrPlan(again)).toEqual({ plan: example(), savedAt: '2026-11-24T00:00:00.000Z' });
    again.close();
  });

  it('refuses an invalid plan and keeps the stored one', () => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    saveDrPlan(db, example(), 'first');
    expect(() => saveDrPlan(db, { ...example(), scenarios: [] }, 'second')).toThrow(DrPlanError);
    expect(loadDrPlan(db)?.savedAt).toBe('first');
    db.close();
  });

  it('keeps one draft per editor until it is discarded', () => {
    const db = openWorkspace(join(tempDir(), 'w.headroom'), { create: true });
    expect(loadDraft(db, 'dr-plan')).toBeNull();
    saveDraft(db, 'dr-plan', { name: 'half-typed' }, 't1');
    saveDraft(db, 'system', { name: 'other' }, 't2');
    expect(loadDraft(db, 'dr-plan')).toEqual({ editor: 'dr-plan', value: { name: 'half-typed' }, savedAt: 't1' });
    expect(discardDraft(db, 'dr-plan')).toBe(true);
    expect(loadDraft(db, 'dr-plan')).toBeNull();
    expect(loadDraft(db, 'system')?.value).toEqual({ name: 'other' });
    db.close();
  });
});
