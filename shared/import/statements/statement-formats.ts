import type { ImportFormat } from '../format-registry.js';
import { DelimitedTextReader } from '../csv/delimited-text-reader.js';
import { isMysqlDigestHeader, isPgStatStatementsHeader } from './statement-columns.js';
import { StatementSnapshotParser } from './statement-snapshot-parser.js';

/** The header row of a CSV head, split as the reader would split it. */
function headerOf(head: string): string[] {
  let header: string[] = [];
  const reader = new DelimitedTextReader((fields) => {
    if (header.length === 0) header = fields;
  });
  try {
    reader.push(head.slice(0, Math.max(0, head.indexOf('\n') + 1)) || head);
    reader.end();
  } catch {
    return [];
  }
  return header;
}

export const pgStatStatementsFormat: ImportFormat = {
  id: 'pg-stat-statements',
  label: 'PostgreSQL pg_stat_statements snapshots (psql --csv)',
  sniff: (head) => (isPgStatStatementsHeader(headerOf(head)) ? 0.95 : 0),
  createParser: (sink, options) => new StatementSnapshotParser('postgres', sink, options),
};

export const mysqlDigestFormat: ImportFormat = {
  id: 'mysql-digest',
  label: 'MySQL events_statements_summary_by_digest snapshots (CSV)',
  sniff: (head) => (isMysqlDigestHeader(headerOf(head)) ? 0.95 : 0),
  createParser: (sink, options) => new StatementSnapshotParser('mysql', sink, options),
};
