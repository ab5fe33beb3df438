/**
 * Base64 (RFC 4648 §4) of a string's UTF-8 bytes, and back, without Node's Buffer or the
 * DOM's btoa (shared/ uses neither): how a report's JSON model rides inside its HTML.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const c = char.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

/**
 * @example encodeBase64Utf8('é') // 'w6k='
 */
export function encodeBase64Utf8(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] ?? '';
    out += ALPHABET[(n >> 12) & 63] ?? '';
    out += b === undefined ? '=' : (ALPHABET[(n >> 6) & 63] ?? '');
    out += c === undefined ? '=' : (ALPHABET[n & 63] ?? '');
  }
  return out;
}

/**
 * @throws {Error} when the text is not base64 or its bytes are not UTF-8
 * @example decodeBase64Utf8('w6k=') // 'é'
 */
export function decodeBase64Utf8(base64: string): string {
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new Error('not base64');
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const quad = [0, 1, 2, 3].map((k) => clean[i + k] ?? '=');
    const n = quad.reduce((acc, ch) => (acc << 6) | (ch === '=' ? 0 : ALPHABET.indexOf(ch)), 0);
    bytes.push((n >> 16) & 255);
    if (quad[2] !== '=') bytes.push((n >> 8) & 255);
    if (quad[3] !== '=') bytes.push(n & 255);
  }
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b0 = bytes[i] ?? 0;
    const extra = b0 < 0x80 ? 0 : b0 >= 0xf0 ? 3 : b0 >= 0xe0 ? 2 : b0 >= 0xc0 ? 1 : -1;
    if (extra < 0) throw new Error('not UTF-8');
    let c = extra === 0 ? b0 : b0 & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) throw new Error('not UTF-8');
      c = (c << 6) | (next & 63);
    }
    out += String.fromCodePoint(c);
    i += extra + 1;
  }
  return out;
}
