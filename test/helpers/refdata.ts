/**
 * Reference datasets with published answers (R, PDQ, usl4j, vendor documents) for the
 * oracle tests, kept in test/refdata/ so that a fresh clone tests itself. Each file's
 * header comment names its source; test/refdata/README.md lists them.
 */
export function refdataUrl(name: string): URL {
  return new URL(`../refdata/${name}`, import.meta.url);
}
