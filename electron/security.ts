import { app, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_ORIGIN } from './ipc-channels.js';

/**
 * Electron's security checklist, applied once for the whole app
 * (https://www.electronjs.org/docs/latest/tutorial/security; docs/security.md lists
 * each item and the test that proves it).
 */
export function applyAppWideSecurity(): void {
  // §5: the UI needs no camera, microphone, notifications, geolocation, …
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    // §13: the UI is a single page; nothing may navigate it elsewhere.
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    // §11/§12: we never use <webview>.
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // §14/§15: no new windows; an https link (documentation) opens in the user's browser.
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** §17: an IPC call is served only for our own window's top frame showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: { webContents: WebContents } | undefined): boolean {
  if (window === undefined || event.sender !== window.webContents) return false;
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}
