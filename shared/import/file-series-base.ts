/**
 * The base name of series whose export carries no metric name: a Prometheus result
 * after rate() or sum() (no `__name__`), a Datadog v2 timeseries response (no metric at
 * all). The user's file name is the only name there is, so it is used — without the
 * chunk marker a split export adds, so that every chunk of one query names its series
 * the same way and they merge in the workspace.
 */

/** `-part2`, `_chunk03`, `.page1`: only explicit markers, so that `node-1` and `node-2` stay apart. */
const CHUNK_MARKER = /(?:^|[-_. ]+)(?:part|chunk|page)[-_. ]?\d+$/i;
/** Characters that would break the `base{k="v"}` naming or read badly in a series name. */
const UNSAFE = /[\s{}",=\\]+/g;

/**
 * @param fileName the user's name for the file, possibly with a directory (either slash)
 * @param fallback the base used when nothing is left (an empty or extension-only name)
 * @returns the file name without directory, extension (`.json`, `.json.gz`) and chunk marker
 * @example seriesBaseFromFileName('exports/http_rate.part2.json', 'prometheus') // 'http_rate'
 * @example seriesBaseFromFileName('p99 latency (s).json', 'prometheus') // 'p99_latency_(s)'
 */
export function seriesBaseFromFileName(fileName: string, fallback: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  let base = fileName.slice(slash + 1).replace(/\.gz$/i, '');
  const dot = base.lastIndexOf('.');
  if (dot >= 0) base = base.slice(0, dot);
  base = base.replace(CHUNK_MARKER, '').trim().replace(UNSAFE, '_');
  return base.length > 0 ? base : fallback;
}
