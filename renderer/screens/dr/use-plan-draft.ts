import { useEffect, useRef } from 'react';
import { useBackend } from '../../app/backend-context.js';
import type { PlanJson } from './plan-paths.js';

/** How long after the last change the draft is written: a crash loses at most this much typing. */
export const DRAFT_DELAY_MS = 600;

/**
 * Keeps the editor's unsaved plan in the workspace as a draft, written shortly after
 * each change, so a crash of the app, the backend or the machine does not lose it.
 */
export function usePlanDraft(plan: PlanJson | undefined, dirty: boolean): void {
  const client = useBackend();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!dirty || plan === undefined) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void client.call('draft.save', { editor: 'dr-plan', value: plan }).catch(() => undefined), DRAFT_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [client, plan, dirty]);
}
