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

/**
 * Calls a contract method and keeps its latest answer; re-runs when `key` changes or
 * on reload(). Answers to superseded calls are dropped, so a slow reply never
 * overwrites a newer one.
 */
export function useBackendQuery<M extends ApiMethod>(method: M, input: ApiInput<M> | null, key: string): QueryState<ApiOutput<M>> {
  const client = useBackend();
  const [data, setData] = useState<ApiOutput<M>>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    const current = inputRef.current;
    if (current === null) return;
    const id = ++latest.current;
    setLoading(true);
    client.call(method, current).then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (id !== latest.current) return;
        setError(failure instanceof BackendError ? failure.message : String(failure));
        setLoading(false);
      },
    );
  }, [client, method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
