import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { catalogFromCsv, catalogToCsv } from '../../shared/catalog/catalog-csv.js';
import { listInstanceTypes, saveInstanceTypes } from '../../backend/workspace/reference-tables.js';
import { openWorkspace } from '../../backend/workspace/open-workspace.js';
import { InputError, UsageError } from '../cli-errors.js';
import { requiredString, stringOption, type Command } from '../command.js';
import { openForReading } from '../open-for-reading.js';

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'Show, export or replace the instance catalog (sizes, limits and prices) of a workspace, as CSV.',
  usage: 'catalog --workspace <w> [--export <file.csv> | --import <file.csv>] [--json]',
  allowPositionals: false,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'the workspace' },
    export: { type: 'string', valueName: 'file.csv', description: 'write the catalog as CSV (- for standard output)' },
    import: { type: 'string', valueName: 'file.csv', description: 'replace the catalog with this CSV (all rows land, or none)' },
    json: { type: 'boolean', description: 'print the catalog as JSON' },
  },
  details: [
    'Columns: provider, instance_class, vcpu, memory_gib, storage_type, max_storage_gib,',
    'max_iops, max_throughput_mibps, network_gbps, max_connections, on_demand_per_hour,',
    'committed_per_hour, storage_per_gib_month, iops_per_month, currency, price_note,',
    'prices_as_of (any order; # lines are comments). Prices are per hour (instances) and per',
    'month (storage per GiB, provisioned IOPS). The sample catalog (samples/exports/',
    'instance-catalog.csv) holds illustrative prices only.',
  ].join('\n'),
  async run(parsed) {
    const workspace = requiredString(parsed, 'workspace', 'catalog');
    const target = stringOption(parsed, 'export');
    const source = stringOption(parsed, 'import');
    if (target !== undefined && source !== undefined) throw new UsageError('give --export or --import, not both', 'catalog');
    if (source !== undefined) {
      if (!existsSync(source) || statSync(source).isDirectory()) throw new InputError(`${source}: no such file`);
      const read = catalogFromCsv(readFileSync(source, 'utf8'));
      if (!read.ok) throw new InputError(`${source}: ${read.error}`);
      if (!existsSync(workspace)) throw new InputError(`${workspace}: no such workspace`);
      const db = openWorkspace(workspace);
      try {
        saveInstanceTypes(db, read.value);
      } finally {
        db.close();
      }
      process.stdout.write(`${workspace}: catalog replaced with ${read.value.length} instance${read.value.length === 1 ? '' : 's'} from ${source}\n`);
      return 0;
    }
    const db = openForReading(workspace);
    try {
      const catalog = listInstanceTypes(db);
      if (target !== undefined) {
        if (target === '-') process.stdout.write(catalogToCsv(catalog));
        else writeFileSync(target, catalogToCsv(catalog));
        return 0;
      }
      if (parsed.values['json'] === true) {
        process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
        return 0;
      }
      for (const i of catalog) {
        process.stdout.write(`${i.provider.padEnd(14)} ${i.instanceClass.padEnd(16)} ${String(i.vcpu).padStart(4)} vCPU ${String(i.memoryGiB).padStart(6)} GiB ${String(i.maxIops).padStart(7)} IOPS  ${i.onDemandPerHour.toFixed(3)} ${i.currency}/h (committed ${i.committedPerHour.toFixed(3)})\n`);
      }
      if (catalog[0] !== undefined) process.stdout.write(`prices: ${catalog[0].priceNote}, as of ${catalog[0].pricesAsOf}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
