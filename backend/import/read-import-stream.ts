import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { isAscii } from 'node:buffer';
import { sniffContent, type TextEncodingId } from '../../shared/import/text-encoding.js';
import { ImportFormatError } from '../../shared/import/import-types.js';

/** 1 MiB reads: few enough events for speed, small enough to keep memory flat. */
const READ_CHUNK_BYTES = 1 << 20;
/** A gzip file may expand at most this much; beyond, it is refused as a decompression bomb. */
const MAX_GZIP_RATIO = 200;
const GZIP_ALLOWANCE_BYTES = 64 << 20;

/** Reads the file's first bytes (or the first bytes after decompression). */
async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Streams a file as text, whatever its encoding (UTF-8, UTF-16 with BOM, gzip of
 * either), while hashing its bytes (SHA-256, for the report's provenance).
 * Refuses binary files and gzip bombs with a message instead of reading on.
 * @param onBytes called with the bytes of the file read so far (compressed bytes for gzip)
 * @returns (as the generator's return value) the file's SHA-256 in hex
 * @throws {ImportFormatError} for binary content or an over-expanding gzip stream
 */
export async function* readTextStream(
  path: string,
  sizeBytes: number,
  onBytes: (bytesRead: number) => void,
  signal: AbortSignal,
): AsyncGenerator<string, string> {
  const head = sniffContent(await readHead(path, 8192));
  if (head.kind === 'binary') throw new ImportFormatError(1, 'this is a binary file, not a text export (it contains NUL bytes)');
  const hash = createHash('sha256');
  let bytesRead = 0;
  const raw = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  raw.on('data', (chunk) => {
    hash.update(chunk);
    bytesRead += chunk.length;
    onBytes(bytesRead);
  });
  const gunzip = head.kind === 'gzip' ? createGunzip({ chunkSize: READ_CHUNK_BYTES }) : undefined;
  const source: AsyncIterable<Buffer> = gunzip === undefined ? raw : raw.pipe(gunzip);
  const maxExpanded = sizeBytes * MAX_GZIP_RATIO + GZIP_ALLOWANCE_BYTES;
  let encoding: TextEncodingId | undefined = head.kind === 'text' ? head.encoding : undefined;
  let decoder = encoding === undefined ? undefined : new TextDecoder(encoding);
  let expanded = 0;
  let decoderInUse = false;
  try {
    for await (const chunk of source) {
      signal.throwIfAborted();
      if (decoder === undefined) {
        const inner = sniffContent(chunk.subarray(0, 8192));
        if (inner.kind !== 'text') throw new ImportFormatError(1, 'the gzip file does not hold a text export');
        encoding = inner.encoding;
        decoder = new TextDecoder(encoding);
      }
      if (gunzip !== undefined) {
        expanded += chunk.length;
        if (expanded > maxExpanded) {
          throw new ImportFormatError(1, `the gzip stream expands beyond ${MAX_GZIP_RATIO}× its size; refused as a possible decompression bomb`);
        }
      }
      // Pure ASCII (most exports) is read as Latin-1, which is the same text but makes
      // V8 one-byte strings: half the memory and much faster scanning than the two-byte
      // strings TextDecoder returns. Once a chunk is not ASCII, the decoder keeps going,
      // since it may hold the first bytes of a character split across chunks.
      if (!decoderInUse && encoding === 'utf-8' && isAscii(chunk)) {
        yield chunk.toString('latin1');
        continue;
      }
      decoderInUse = true;
      yield decoder.decode(chunk, { stream: true });
    }
    const tail = decoder?.decode() ?? '';
    if (tail.length > 0) yield tail;
    return hash.digest('hex');
  } catch (error) {
    // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR: a damaged or truncated .gz) are the file's fault: say so.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new ImportFormatError(1, `the gzip file is damaged or cut short (${(error as Error).message}); nothing was read from it`);
    }
    throw error;
  } finally {
    raw.destroy();
    gunzip?.destroy();
  }
}
