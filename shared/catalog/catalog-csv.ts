import type { InstanceType } from '../api/types.js';

/**
 * The instance catalog as CSV, one instance per row, the columns named as below — what a
 * team keeps in a spreadsheet and what `headroom catalog --export` writes. Reading is
 * strict: every number must be a number, every required column present, and an error
 * names the line, the column and how to fix it.
 */

type Field = keyof InstanceType;

/** Column name → field, in file order. */
export const CATALOG_COLUMNS: readonly { readonly column: string; readonly field: Field; readonly kind: 'text' | 'number' }[] = [
  { column: 'provider', field: 'provider', kind: 'text' },
  { column: 'instance_class', field: 'instanceClass', kind: 'text' },
  { column: 'vcpu', field: 'vcpu', kind: 'number' },
  { column: 'memory_gib', field: 'memoryGiB', kind: 'number' },
  { column: 'storage_type', field: 'storageType', kind: 'text' },
  { column: 'max_storage_gib', field: 'maxStorageGiB', kind: 'number' },
  { column: 'max_iops', field: 'maxIops', kind: 'number' },
  { column: 'max_throughput_mibps', field: 'maxThroughputMiBps', kind: 'number' },
  { column: 'network_gbps', field: 'networkGbps', kind: 'number' },
  { column: 'max_connections', field: 'maxConnections', kind: 'number' },
  { column: 'on_demand_per_hour', field: 'onDemandPerHour', kind: 'number' },
  { column: 'committed_per_hour', field: 'committedPerHour', kind: 'number' },
  { column: 'storage_per_gib_month', field: 'storagePerGiBMonth', kind: 'number' },
  { column: 'iops_per_month', field: 'iopsPerMonth', kind: 'number' },
  { column: 'currency', field: 'currency', kind: 'text' },
  { column: 'price_note', field: 'priceNote', kind: 'text' },
  { column: 'prices_as_of', field: 'pricesAsOf', kind: 'text' },
];

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * @example catalogToCsv(catalog).split('\n')[0] // 'provider,instance_class,vcpu,…'
 */
export function catalogToCsv(catalog: readonly InstanceType[]): string {
  const lines = [CATALOG_COLUMNS.map((c) => c.column).join(',')];
  for (const instance of catalog) lines.push(CATALOG_COLUMNS.map((c) => quote(String(instance[c.field]))).join(','));
  return `${lines.join('\n')}\n`;
}

/** Splits one CSV record (RFC 4180 quotes; the catalog has no multi-line cells). */
function splitRecord(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export type CatalogCsvResult = { readonly ok: true; readonly value: InstanceType[] } | { readonly ok: false; readonly error: string };

/**
 * Reads a catalog CSV (header row first; `#` lines are comments; column order free).
 * @example catalogFromCsv(text) // { ok: false, error: "line 4, column vcpu: 'four' is not a number — write it in digits, e.g. 4" }
 */
export function catalogFromCsv(text: string): CatalogCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  if (headerIndex < 0) return { ok: false, error: 'the file is empty: expected a header row (provider,instance_class,vcpu,…) and one row per instance' };
  const header = splitRecord(lines[headerIndex] as string).map((h) => h.trim().toLowerCase());
  const missing = CATALOG_COLUMNS.filter((c) => !header.includes(c.column)).map((c) => c.column);
  if (missing.length > 0) return { ok: false, error: `line ${headerIndex + 1}: the header lacks ${missing.join(', ')} — the columns are ${CATALOG_COLUMNS.map((c) => c.column).join(',')}` };
  const out: InstanceType[] = [];
  const seen = new Set<string>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = splitRecord(line);
    const record: Record<string, string | number> = {};
    for (const c of CATALOG_COLUMNS) {
      const raw = (cells[header.indexOf(c.column)] ?? '').trim();
      if (c.kind === 'number') {
        const value = Number(raw);
        if (raw === '' || !Number.isFinite(value) || value < 0) return { ok: false, error: `line ${i + 1}, column ${c.column}: '${raw}' is not a number ≥ 0 — write it in digits, e.g. 4` };
        record[c.field] = value;
      } else {
        if (raw === '' && (c.field === 'provider' || c.field === 'instanceClass' || c.field === 'currency')) return { ok: false, error: `line ${i + 1}, column ${c.column}: empty — every instance needs a ${c.column}` };
        record[c.field] = raw;
      }
    }
    const instance = record as unknown as InstanceType;
    if (!(instance.vcpu > 0 && instance.memoryGiB > 0)) return { ok: false, error: `line ${i + 1}: vcpu and memory_gib must be above 0` };
    const key = `${instance.provider}|${instance.instanceClass}`;
    if (seen.has(key)) return { ok: false, error: `line ${i + 1}: ${instance.provider} ${instance.instanceClass} appears twice — keep one row per instance` };
    seen.add(key);
    out.push(instance);
  }
  if (out.length === 0) return { ok: false, error: 'the file has a header but no instances' };
  return { ok: true, value: out };
}
