/**
 * How a series found in a file is named: its base name, then its labels in braces,
 * sorted by key, Prometheus style — `cpu_pct{host="db1",region="eu"}` — so that the same
 * series from two files (or two chunks of one export) gets the same name and merges.
 * @example seriesName('up', { job: 'node', instance: 'a:9100' }) // 'up{instance="a:9100",job="node"}'
 */
export function seriesName(base: string, labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return base;
  return `${base}{${keys.map((k) => `${k}="${escapeLabelValue(labels[k] ?? '')}"`).join(',')}}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * Reads a Prometheus-style selector `name{k="v",…}` (as Grafana writes it in CSV headers)
 * back into a base name and labels; undefined when the text is not one.
 * @example parseSeriesName('{__name__="up", job="node"}') // { base: 'up', labels: { job: 'node' } }
 */
export function parseSeriesName(text: string): { base: string; labels: Record<string, string> } | undefined {
  const match = /^([^{}]*)\{(.*)\}$/s.exec(text.trim());
  if (match === null) return undefined;
  const labels: Record<string, string> = {};
  const body = match[2] ?? '';
  const pair = /\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/gy;
  let consumed = 0;
  for (let m = pair.exec(body); m !== null; m = pair.exec(body)) {
    labels[m[1] ?? ''] = (m[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    consumed = pair.lastIndex;
  }
  if (body.slice(consumed).trim().length > 0) return undefined;
  let base = (match[1] ?? '').trim();
  if (base === '' && labels['__name__'] !== undefined) {
    base = labels['__name__'];
  }
  delete labels['__name__'];
  return { base, labels };
}
