import { findUnit } from '../units/unit-catalog.js';

/**
 * The unit the user gave for a series in the import options (`--units`), looked up by
 * its full name first (`up{job="node"}`), then by its base name (`up`), written the
 * catalog's way (`gib` → GiB). A unit the catalog does not know is kept as written,
 * as the CSV importer does.
 * @param units the user's mapping, series name or base name → unit (may be absent)
 * @returns the unit symbol, or undefined when the mapping names neither
 * @example unitOverride({ up: 'count' }, 'up{job="node"}', 'up') // 'count'
 */
export function unitOverride(units: Readonly<Record<string, string>> | undefined, name: string, base: string): string | undefined {
  if (units === undefined) return undefined;
  const given = Object.hasOwn(units, name) ? units[name] : Object.hasOwn(units, base) ? units[base] : undefined;
  if (given === undefined || given.trim().length === 0) return undefined;
  return findUnit(given.trim())?.id ?? given.trim();
}
