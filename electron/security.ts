import { app, session, shell } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './ipc-guard.js';

/**
 * Electron's security checklist, applied once for the whole app
 * (https://www.electronjs.org/docs/latest/tutorial/security; docs/security.md lists
 * each item and the test that proves it).
 */
export function applyAppWideSecurity(): void {
  // §5: the UI needs no camera, microphone, notifications, geolocation, …
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // …nor USB, HID or serial devices.
  session.defaultSession.setDevicePermissionHandler(() => false);

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
