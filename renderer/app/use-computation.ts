import { useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutput } from '../../shared/api/contract.js';
import { BackendError } from '../api/backend-client.js';
import { useBackend } from './backend-context.js';

/** Contract methods that run in the compute worker and accept a requestId. */
export type ComputeMethod = 'forecast.run' | 'runway.assess' | 'workload.summary' | 'querymix.summary' | 'scale.compare' | 'scalability.analyse' | 'dr.simulate' | 'drPlan.inputs' | 'report.build';

export interface ComputationState<M extends ComputeMethod> {
  readonly result: ApiOutput<M> | undefined;
  readonly error: string | undefined;
  /** The phase of the running computation ("forecasting Storage"), undefined when idle. */
  readonly running: { readonly phase: string; readonly fraction: number } | undefined;
  cancel(): void;
}

let counter = 0;

/**
 * Runs a computation whenever its input changes, in the backend's compute worker: the
 * previous run is cancelled (a drag must not queue twenty fits), progress is followed by
 * request id, and the last good result stays on screen while a new one computes.
 */
export function useComputation<M extends ComputeMethod>(method: M, input: Omit<ApiInput<M>, 'requestId'> | null, key: string): ComputationState<M> {
  const client = useBackend();
  const [result, setResult] = useState<ApiOutput<M>>();
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<{ phase: string; fraction: number }>({ phase: 'starting', fraction: 0 });
  // Which request the shown answer (result or error) belongs to; running until it is the latest.
  const [answered, setAnswered] = useState<string>();
  const current = useRef<string | undefined>(undefined);
  const inputJson = input === null ? null : JSON.stringify(input);
  const requestKey = inputJson === null ? null : `${inputJson}|${key}`;

  useEffect(() => {
    return client.subscribe((event) => {
      if (event.type === 'compute.progress' && event.requestId === current.current && event.phase !== 'done') setProgress({ phase: event.phase, fraction: event.fraction });
    });
  }, [client]);

  useEffect(() => {
    if (inputJson === null || requestKey === null) return;
    const requestId = `${method.replace('.', '-')}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
    const previous = current.current;
    if (previous !== undefined) void client.call('compute.cancel', { requestId: previous }).catch(() => undefined);
    current.current = requestId;
    client.call(method, { ...(JSON.parse(inputJson) as ApiInput<M>), requestId }).then(
      (value) => {
        if (current.current !== requestId) return;
        setResult(value);
        setError(undefined);
        setAnswered(requestKey);
      },
      (failure: unknown) => {
        if (current.current !== requestId) return;
        const cancelled = failure instanceof BackendError && failure.error.code === 'cancelled';
        setError(cancelled ? 'Cancelled; change a setting to compute again.' : failure instanceof BackendError ? failure.message : String(failure));
        setAnswered(requestKey);
      },
    );
  }, [client, method, inputJson, requestKey]);

  return {
    result,
    error,
    running: requestKey !== null && answered !== requestKey ? progress : undefined,
    cancel: () => {
      const id = current.current;
      if (id !== undefined) void client.call('compute.cancel', { requestId: id }).catch(() => undefined);
    },
  };
}
