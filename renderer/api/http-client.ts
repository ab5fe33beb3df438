import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { ApiEvent } from '../../shared/api/types.js';
import { BackendError, type BackendClient, type StagedImportFile } from './backend-client.js';

const TOKEN_KEY = 'headroom.token';

/**
 * The token arrives in the launch URL's fragment (#token=…), which browsers never send
 * to servers. It is kept in sessionStorage so a reload still works, and removed from
 * the address bar at once.
 */
export function takeLaunchToken(): string | undefined {
  const match = /(?:^#|&)token=([a-f0-9]{64})/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** Browser mode: the contract over loopback HTTP (see backend/http/loopback-server.ts). */
export function createHttpClient(token: string): BackendClient {
  const headers = { 'x-headroom-token': token };
  return {
    kind: 'browser',
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      let response: Response;
      try {
        response = await fetch(`/api/call/${method}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      } catch {
        throw new BackendError({ code: 'internal', message: 'Headroom is not reachable; is `headroom serve` still running?' });
      }
      const result = (await response.json()) as Result<ApiOutput<M>>;
      if (!result.ok) throw new BackendError(result.error);
      return result.value;
    },
    subscribe(listener) {
      const controller = new AbortController();
      void streamEvents(headers, listener, controller.signal);
      return () => controller.abort();
    },
    async stageFiles(files) {
      const staged: StagedImportFile[] = [];
      for (const file of files) {
        const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: file });
        const result = (await response.json()) as Result<StagedImportFile>;
        if (!result.ok) throw new BackendError(result.error);
        staged.push(result.value);
      }
      return staged;
    },
    pickImportFiles: undefined,
    pickWorkspace: undefined,
    createWorkspaceWithDialog: undefined,
  };
}

/** Reads the newline-delimited event stream, reconnecting after a pause if it drops. */
async function streamEvents(headers: Record<string, string>, listener: (event: ApiEvent) => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', { headers, signal });
      const reader = response.body?.getReader();
      if (reader === undefined) throw new Error('no event stream');
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (line.length > 0) {
            const event = JSON.parse(line) as ApiEvent | { type: 'hello' };
            if (event.type !== 'hello') listener(event);
          }
          newline = buffered.indexOf('\n');
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
