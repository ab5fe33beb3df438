import { useEffect, useRef } from 'react';
import type { ApiInput } from '../../shared/api/contract.js';
import { useBackend } from './backend-context.js';

/** How long after the last change the draft is written: a crash loses at most this much typing. */
export const DRAFT_DELAY_MS = 600;

export type DraftEditor = ApiInput<'draft.save'>['editor'];

/**
 * Keeps an editor's unsaved value in the workspace as a draft, written shortly after each
 * change, so a crash of the app, the backend or the machine does not lose it. The editor
 * discards the draft when it saves or reverts, and offers it back when it opens.
 */
export function useDraft(editor: DraftEditor, value: unknown, dirty: boolean): void {
  const client = useBackend();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!dirty || value === undefined) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void client.call('draft.save', { editor, value }).catch(() => undefined), DRAFT_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [client, editor, value, dirty]);
}
