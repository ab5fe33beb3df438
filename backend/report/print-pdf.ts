import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from './render-pdf.js';

/** Prints a report's HTML to PDF bytes; the desktop app passes Electron's printToPDF instead. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** The headless-Chromium printer of the CLI and browser mode. */
export const chromiumPdfPrinter: PdfPrinter = async (html) => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-report-'));
  try {
    const path = join(dir, 'report.pdf');
    await renderPdf(html, path);
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
