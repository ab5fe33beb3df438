import { readFileSync } from 'node:fs';
/**
 * Reference datasets with published answers (R, PDQ, usl4j, vendor documents) for the
 * oracle tests, kept in test/refdata/ so that a fresh clone tests itself. Each file's
 * header comment names its source; test/refdata/README.md lists them.
 */
export function refdataUrl(name: string): URL {
  return new URL(`../refdata/${name}`, import.meta.url);
}

/**
 * A reference CSV's rows (header first) as cells, without its `#` comment lines and blank lines.
 * @example readRefdataRows('airpassengers.csv')[1] // ['1949', '1', '112']
 */
export function readRefdataRows(name: string): string[][] {
  return readFileSync(refdataUrl(name), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(','));
}
