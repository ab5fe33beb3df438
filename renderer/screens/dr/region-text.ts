/**
 * The topology's regions as one line a person can type: "eu-west-1: a, b, c; eu-central-1: a".
 */

export interface RegionSpec {
  readonly name: string;
  readonly zones: readonly string[];
}

export function regionsToText(regions: unknown): string {
  if (!Array.isArray(regions)) return '';
  return regions
    .map((r: unknown) => {
      const region = (r ?? {}) as { name?: unknown; zones?: unknown };
      const zones = Array.isArray(region.zones) ? region.zones.map(String).join(', ') : '';
      return `${String(region.name ?? '')}: ${zones}`;
    })
    .join('; ');
}

/** Parses the line; a region without a colon gets one zone named "a". */
export function textToRegions(text: string): RegionSpec[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [name = '', zones = ''] = part.split(':', 2);
      const list = zones
        .split(',')
        .map((z) => z.trim())
        .filter((z) => z !== '');
      return { name: name.trim(), zones: part.includes(':') ? list : ['a'] };
    });
}
