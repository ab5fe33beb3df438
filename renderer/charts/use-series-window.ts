import { useEffect, useRef, useState } from 'react';
import type { WindowResult } from '../../shared/api/types.js';
import { useBackend } from '../app/backend-context.js';
import type { TimeDomain } from './time-domain.js';

interface Answer {
  readonly request: string;
  readonly result: WindowResult | undefined;
  readonly error: string | undefined;
}

/**
 * Fetches the display points of `names` over `domain` at `buckets` pixel columns,
 * debounced while the user is still zooming; the newest request wins. Until the new
 * answer arrives the previous picture stays up (busy = true).
 */
export function useSeriesWindow(names: readonly string[], domain: TimeDomain | null, buckets: number, revision: number): { result: WindowResult | undefined; busy: boolean; error: string | undefined } {
  const client = useBackend();
  const [answer, setAnswer] = useState<Answer>({ request: '', result: undefined, error: undefined });
  const latest = useRef('');
  const width = Math.max(50, Math.min(4096, Math.round(buckets)));
  const request = domain === null || names.length === 0 ? '' : JSON.stringify([names, domain.from, domain.to, width, revision]);

  useEffect(() => {
    latest.current = request;
    if (request === '') return;
    const [requestNames, fromMs, toMs, requestBuckets] = JSON.parse(request) as [string[], number, number, number];
    const timer = setTimeout(() => {
      client.call('series.window', { names: requestNames, fromMs, toMs, buckets: requestBuckets }).then(
        (result) => {
          if (latest.current === request) setAnswer({ request, result, error: undefined });
        },
        (failure: unknown) => {
          if (latest.current === request) setAnswer((previous) => ({ request, result: previous.result, error: failure instanceof Error ? failure.message : String(failure) }));
        },
      );
    }, 40);
    return () => clearTimeout(timer);
  }, [client, request]);

  if (request === '') return { result: undefined, busy: false, error: undefined };
  return { result: answer.result, busy: answer.request !== request, error: answer.error };
}
