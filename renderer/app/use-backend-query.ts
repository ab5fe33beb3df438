import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract.js';
import { BackendError } from '../api/backend-client.js';
import { useBackend } from './backend-context.js';

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  reload(): void;
}

interface Answer<T> {
  readonly request: string;
  readonly data: T | undefined;
  readonly error: string | undefined;
}

/**
 * Calls a contract method and keeps its latest answer; calls again when the input or
 * `key` changes, or on reload(). Answers to superseded calls are dropped, so a slow
 * reply never overwrites a newer one.
 */
export function useBackendQuery<M extends ApiMethod>(method: M, input: ApiInput<M> | null, key: string): QueryState<ApiOutput<M>> {
  const client = useBackend();
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<Answer<ApiOutput<M>>>({ request: '', data: undefined, error: undefined });
  const latest = useRef('');
  const inputJson = input === null ? null : JSON.stringify(input);
  const request = `${method}|${inputJson}|${key}|${generation}`;

  useEffect(() => {
    if (inputJson === null) return;
    latest.current = request;
    client.call(method, JSON.parse(inputJson) as ApiInput<M>).then(
      (value) => {
        if (latest.current === request) setAnswer({ request, data: value, error: undefined });
      },
      (failure: unknown) => {
        if (latest.current === request) setAnswer((previous) => ({ request, data: previous.data, error: failure instanceof BackendError ? failure.message : String(failure) }));
      },
    );
  }, [client, method, inputJson, request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: answer.data, error: answer.error, loading: answer.request !== request, reload };
}
