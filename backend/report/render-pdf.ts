import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * PDF from the report's HTML through headless Chromium (the CLI and browser mode; the
 * desktop app uses Electron's own printToPDF). The HTML goes to a private temporary
 * folder with a throwaway profile, so nothing of the user's browser is touched, and the
 * report's CSP keeps the page from loading or running anything while it prints.
 */

/** Chromium is not installed (or not where we look). */
export class PdfRendererMissing extends Error {
  constructor() {
    super('a PDF needs Chromium, and none was found (looked at $HEADROOM_CHROMIUM, /usr/bin/chromium and chromium/google-chrome on the PATH); install Chromium, point HEADROOM_CHROMIUM at it, or write --out report.html and print that from a browser');
    this.name = 'PdfRendererMissing';
  }
}

/** Chromium ran but produced no PDF. */
export class PdfRenderFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfRenderFailed';
  }
}

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to print with: $HEADROOM_CHROMIUM when set, else /usr/bin/chromium, else
 * the first of chromium, chromium-browser, google-chrome(-stable) on the PATH.
 * @returns null when none is found
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env['HEADROOM_CHROMIUM'];
  if (chosen !== undefined && chosen !== '') return executable(chosen) ? chosen : null;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      const path = join(dir, name);
      if (dir !== '' && executable(path)) return path;
    }
  }
  return null;
}

/**
 * Pages in a PDF, by its page objects (Chromium writes one `/Type /Page` per page).
 * @example countPdfPages(readFileSync('report.pdf')) // 9
 */
export function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export interface PdfOptions {
  /** Default: findChromium(). */
  readonly chromium?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

/**
 * Prints `html` to a PDF file at `outPath`.
 * @returns the number of pages
 * @throws {PdfRendererMissing} when no Chromium is found
 * @throws {PdfRenderFailed} when it fails or times out
 */
export async function renderPdf(html: string, outPath: string, options: PdfOptions = {}): Promise<{ pages: number }> {
  const chromium = options.chromium ?? findChromium();
  if (chromium === null || !existsSync(chromium)) {
    throw new PdfRendererMissing();
  }
  const work = mkdtempSync(join(tmpdir(), 'headroom-pdf-'));
  try {
    const page = join(work, 'report.html');
    const pdf = join(work, 'report.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-extensions',
      '--disable-background-networking',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${join(work, 'profile')}`,
      // Chromium's own header and footer print the temporary file's path and the date.
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error !== null && !existsSync(pdf)) reject(new PdfRenderFailed(`Chromium (${chromium}) failed: ${(stderr.trim().split('\n').pop() ?? error.message).slice(0, 300)}`));
        else resolve();
      });
    });
    if (!existsSync(pdf)) throw new PdfRenderFailed(`Chromium (${chromium}) wrote no PDF`);
    const bytes = readFileSync(pdf);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfRenderFailed(`Chromium (${chromium}) wrote something that is not a PDF`);
    writeFileSync(outPath, bytes);
    return { pages: countPdfPages(bytes) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
