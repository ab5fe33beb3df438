import { BrowserWindow } from 'electron';

/**
 * Prints a report's HTML to PDF with Electron's own printToPDF (the desktop app's PDF;
 * the CLI and browser mode use headless Chromium). The page is loaded in a hidden,
 * sandboxed window with JavaScript off, no preload, navigation and new windows refused;
 * the report is self-contained and its CSP forbids loading anything.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick', devTools: false },
  });
  try {
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    // Same page setup as the headless-Chromium path: A4, the report's own print CSS, no browser header/footer.
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true });
  } finally {
    window.destroy();
  }
}
