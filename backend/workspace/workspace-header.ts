import { openSync, readSync, closeSync } from 'node:fs';

/**
 * Reads the 100-byte SQLite header directly (https://www.sqlite.org/fileformat.html §1.3)
 * so that a file can be refused — not SQLite, not ours, or from a newer Headroom —
 * before SQLite parses anything else in it.
 */

/** 'HDRM' — marks a Headroom workspace in the header's application_id field (offset 68). */
export const HEADROOM_APPLICATION_ID = 0x4844524d;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface SqliteHeader {
  readonly isSqlite: boolean;
  readonly applicationId: number;
  readonly userVersion: number;
  readonly pageSize: number;
  readonly pageCount: number;
}

export function readSqliteHeader(path: string): SqliteHeader {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    return { isSqlite: false, applicationId: 0, userVersion: 0, pageSize: 0, pageCount: 0 };
  }
  const rawPageSize = header.readUInt16BE(16);
  return {
    isSqlite: true,
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    pageCount: header.readUInt32BE(28),
    userVersion: header.readInt32BE(60),
    applicationId: header.readInt32BE(68),
  };
}
