/**
 * Datadog tags (`host:db1`, `env:prod`, `critical`) as series labels. A v1 series names
 * its group in `scope`, a comma-separated tag list where `*` means "all" (no group); a v2
 * series in `group_tags`, a list of the same tags
 * (https://docs.datadoghq.com/api/latest/metrics/query-timeseries-points/,
 * https://docs.datadoghq.com/getting_started/tagging/).
 */

/**
 * Labels from Datadog tags (https://docs.datadoghq.com/getting_started/tagging/).
 * @param tags tags as Datadog writes them; a value may itself hold ':' (`url:http://a`)
 * @returns labels, key → value; a tag without ':' goes under the label `tag`, and several
 *   values of one key are joined with ',' in sorted order, so that the name does not
 *   depend on the order Datadog happened to list them in
 * @example datadogTagLabels(['host:db1', 'env:prod']) // { host: 'db1', env: 'prod' }
 * @example datadogTagLabels(['*']) // {}
 * @example datadogTagLabels(['critical', 'beta']) // { tag: 'beta,critical' }
 */
export function datadogTagLabels(tags: Iterable<string>): Record<string, string> {
  const values = new Map<string, string[]>();
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag.length === 0 || tag === '*') continue;
    const colon = tag.indexOf(':');
    const key = colon > 0 ? tag.slice(0, colon) : 'tag';
    const value = colon > 0 ? tag.slice(colon + 1) : tag;
    const list = values.get(key);
    if (list === undefined) values.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }
  // fromEntries, not assignment: a tag key such as __proto__ stays a label.
  return Object.fromEntries([...values].map(([key, list]) => [key, list.length === 1 ? (list[0] ?? '') : list.sort().join(',')]));
}

/**
 * The tags of a v1 `scope` (`host:foo,env:test`; `*` for none).
 * @example scopeTags('host:foo,env:test') // ['host:foo', 'env:test']
 */
export function scopeTags(scope: string): string[] {
  return scope.split(',');
}
