/** Builds (once per Electron version) better-sqlite3 for Electron; returns the .node path. */
export function ensureElectronSqlite(): Promise<string>;
