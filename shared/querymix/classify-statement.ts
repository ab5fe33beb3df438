/**
 * Whether a normalised statement reads or writes, for the query mix (which share of the
 * load could move to read replicas). Decided by its first keyword, after comments and
 * parentheses; a CTE counts as a write when it modifies data anywhere, and
 * `SELECT … FOR UPDATE/SHARE` counts as a write because it takes row locks and so must
 * run on the primary (a hot standby refuses it).
 */
export type StatementKind = 'read' | 'write' | 'ddl' | 'other';

const READ = new Set(['select', 'show', 'explain', 'describe', 'desc', 'values', 'table', 'fetch']);
const WRITE = new Set(['insert', 'update', 'delete', 'merge', 'upsert', 'replace', 'copy', 'load', 'call', 'lock']);
const DDL = new Set(['create', 'alter', 'drop', 'truncate', 'grant', 'revoke', 'comment', 'rename', 'vacuum', 'analyze', 'analyse', 'cluster', 'reindex', 'refresh', 'optimize']);

/**
 * @param query statement text as pg_stat_statements or a MySQL digest shows it
 * @example classifyStatement('SELECT * FROM orders WHERE id = $1') // 'read'
 * @example classifyStatement('WITH moved AS (DELETE FROM q RETURNING *) SELECT * FROM moved') // 'write'
 */
export function classifyStatement(query: string): StatementKind {
  const text = query
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .trim()
    .replace(/^\(+\s*/, '')
    .toLowerCase();
  const first = /^[a-z]+/.exec(text)?.[0] ?? '';
  if (first === 'with') {
    // Data-modifying CTEs (PostgreSQL) make the whole statement a write.
    return /\b(insert|update|delete|merge)\b/.test(text) ? 'write' : locksRows(text) ? 'write' : 'read';
  }
  if (first === 'copy') return /\bto\b\s+(stdout|'|")/.test(text) ? 'read' : 'write';
  if (READ.has(first)) return locksRows(text) ? 'write' : 'read';
  if (WRITE.has(first)) return 'write';
  if (DDL.has(first)) return 'ddl';
  return 'other';
}

function locksRows(text: string): boolean {
  return /\bfor\s+(no\s+key\s+)?(update|share|key\s+share)\b/.test(text) || /\block\s+in\s+share\s+mode\b/.test(text);
}
