/**
 * The text encoding of an export, from its first bytes. Windows tools write UTF-16
 * with a byte-order mark; everything else we read is UTF-8 (a UTF-8 BOM is dropped).
 */
export type TextEncodingId = 'utf-8' | 'utf-16le' | 'utf-16be';

export type ContentKind = { readonly kind: 'text'; readonly encoding: TextEncodingId } | { readonly kind: 'gzip' } | { readonly kind: 'binary' };

/**
 * @param head the first bytes of the file (up to a few KiB)
 * @example sniffContent(new Uint8Array([0xff, 0xfe, 0x74, 0])) // { kind: 'text', encoding: 'utf-16le' }
 */
export function sniffContent(head: Uint8Array): ContentKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return { kind: 'gzip' };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text', encoding: 'utf-16be' };
  // Text never holds NUL bytes; binary files (SQLite, images, executables) nearly always do.
  if (head.includes(0)) return { kind: 'binary' };
  return { kind: 'text', encoding: 'utf-8' };
}
