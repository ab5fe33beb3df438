import { useEffect, useRef, useState } from 'react';
import type { WindowResult } from '../../shared/api/types.js';
import { useBackend } from '../app/backend-context.js';
import type { TimeDomain } from './time-domain.js';

/**
 * Fetches the display points of `names` over `domain` at `buckets` pixel columns,
 * debounced while the user is still zooming, newest request wins.
 */
export function useSeriesWindow(names: readonly string[], domain: TimeDomain | null, buckets: number, revision: number): { result: WindowResult | undefined; busy: boolean; error: string | undefined } {
  const client = useBackend();
  const [result, setResult] = useState<WindowResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const latest = useRef(0);
  const key = `${names.join('\u0000')}|${domain?.from}|${domain?.to}|${buckets}|${revision}`;

  useEffect(() => {
    if (names.length === 0 || domain === null) {
      setResult(undefined);
      return;
    }
    const id = ++latest.current;
    setBusy(true);
    const timer = setTimeout(() => {
      client
        .call('series.window', { names: [...names], fromMs: domain.from, toMs: domain.to, buckets: Math.max(50, Math.min(4096, Math.round(buckets))) })
        .then(
          (value) => {
            if (id !== latest.current) return;
            setResult(value);
            setError(undefined);
            setBusy(false);
          },
          (failure: unknown) => {
            if (id !== latest.current) return;
            setError(String((failure as Error).message ?? failure));
            setBusy(false);
          },
        );
    }, 40);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures names, domain, buckets and revision
  }, [client, key]);

  return { result, busy, error };
}
