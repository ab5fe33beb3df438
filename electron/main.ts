import { printHtmlToPdf } from './print-to-pdf.js';
import { app, BrowserWindow, dialog, ipcMain, Menu, utilityProcess, type IpcMainInvokeEvent, type UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_METHOD_NAMES } from '../shared/api/methods.js';
import type { Result } from '../shared/api/result.js';
import { registerAppScheme, serveRendererFrom } from './app-protocol.js';
import type { BackendToHost, HostToBackend } from './backend-messages.js';
import {
  APP_ORIGIN,
  apiChannel,
  CREATE_WORKSPACE_CHANNEL,
  EVENT_CHANNEL,
  PICK_IMPORT_FILES_CHANNEL,
  PICK_WORKSPACE_CHANNEL,
} from './ipc-channels.js';
import { checkApiCall, checkNoArguments, isTrustedSender } from './ipc-guard.js';
import { applyAppWideSecurity } from './security.js';

/**
 * The desktop host, kept thin: windows, dialogs, menus and security. The backend runs
 * in a utility process; this process only relays the contract between the window and it.
 * Paths: out/electron/ holds this bundle; the UI is out/renderer/; the samples and the
 * Electron build of better-sqlite3 sit in resources/ when packaged, in the checkout otherwise.
 */
const appRoot = join(__dirname, '..', '..');
const resources = app.isPackaged ? (process.resourcesPath ?? appRoot) : appRoot;
const rendererDir = join(__dirname, '..', 'renderer');
const samplesDir = join(resources, 'samples');
const sqliteBinding = app.isPackaged ? join(resources, 'native', 'better_sqlite3.node') : join(appRoot, 'out', 'native', 'electron', 'better_sqlite3.node');

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | undefined;
let backend: UtilityProcess | undefined;
let nextCallId = 1;
const pending = new Map<number, (result: Result<unknown>) => void>();

function startBackend(): UtilityProcess {
  const child = utilityProcess.fork(join(__dirname, 'backend-host.cjs'), [], {
    serviceName: 'Headroom backend',
    env: {
      ...process.env,
      HEADROOM_CONFIG_DIR: process.env['HEADROOM_CONFIG_DIR'] ?? app.getPath('userData'),
      HEADROOM_SAMPLES_DIR: samplesDir,
      HEADROOM_SQLITE_BINDING: existsSync(sqliteBinding) ? sqliteBinding : undefined,
    },
  });
  child.on('message', (raw) => {
    const message = raw as BackendToHost;
    if (message.type === 'reply') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'print-pdf') {
      printHtmlToPdf(message.html).then(
        (bytes) => child.postMessage({ type: 'pdf', id: message.id, ok: true, base64: Buffer.from(bytes).toString('base64'), error: '' } satisfies HostToBackend),
        (error: unknown) => child.postMessage({ type: 'pdf', id: message.id, ok: false, base64: '', error: (error as Error).message } satisfies HostToBackend),
      );
    } else {
      mainWindow?.webContents.send(EVENT_CHANNEL, message.event);
    }
  });
  child.on('exit', (code) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message: `the backend stopped (exit ${code})` } });
    pending.clear();
    backend = undefined;
  });
  return child;
}

type BackendRequest = { type: 'call'; method: string; input: unknown } | { type: 'stage'; paths: readonly string[] };

function toBackend(request: BackendRequest): Promise<Result<unknown>> {
  const child = backend ?? (backend = startBackend());
  const id = nextCallId++;
  const message: HostToBackend = { ...request, id };
  return new Promise((resolve) => {
    pending.set(id, resolve);
    child.postMessage(message);
  });
}

const forbidden: Result<never> = { ok: false, error: { code: 'forbidden', message: 'this call is only accepted from the Headroom window' } };

/**
 * Every IPC handler goes through here: the sender must be our window's top frame at
 * app://headroom (§17), and the arguments must pass `check` (the contract's zod schema,
 * or "none" for the dialogs) before the handler runs.
 */
function guarded(check: (args: readonly unknown[]) => Result<unknown>, handler: (input: unknown) => Promise<Result<unknown>>) {
  return (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, mainWindow)) return Promise.resolve(forbidden);
    const checked = check(args);
    return checked.ok ? handler(checked.value) : Promise.resolve(checked);
  };
}

function registerIpc(): void {
  for (const method of API_METHOD_NAMES) {
    // Checked here against the contract's schema, and again by the backend.
    ipcMain.handle(
      apiChannel(method),
      guarded(
        (args) => checkApiCall(method, args),
        (input) => toBackend({ type: 'call', method, input }),
      ),
    );
  }
  ipcMain.handle(
    PICK_IMPORT_FILES_CHANNEL,
    guarded(
      (args) => checkNoArguments(PICK_IMPORT_FILES_CHANNEL, args),
      async () => {
        if (mainWindow === undefined) return forbidden;
        const choice = await dialog.showOpenDialog(mainWindow, {
          title: 'Import metric exports',
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Metric exports', extensions: ['csv', 'tsv', 'txt', 'json', 'gz'] }, { name: 'All files', extensions: ['*'] }],
        });
        if (choice.canceled) return { ok: true, value: [] };
        return toBackend({ type: 'stage', paths: choice.filePaths });
      },
    ),
  );
  ipcMain.handle(
    PICK_WORKSPACE_CHANNEL,
    guarded(
      (args) => checkNoArguments(PICK_WORKSPACE_CHANNEL, args),
      async () => {
        if (mainWindow === undefined) return forbidden;
        const choice = await dialog.showOpenDialog(mainWindow, { title: 'Open workspace', properties: ['openFile'], filters: [{ name: 'Headroom workspace', extensions: ['headroom'] }] });
        const path = choice.filePaths[0];
        if (choice.canceled || path === undefined) return { ok: true, value: null };
        return toBackend({ type: 'call', method: 'workspace.open', input: { path } });
      },
    ),
  );
  ipcMain.handle(
    CREATE_WORKSPACE_CHANNEL,
    guarded(
      (args) => checkNoArguments(CREATE_WORKSPACE_CHANNEL, args),
      async () => {
        if (mainWindow === undefined) return forbidden;
        const choice = await dialog.showSaveDialog(mainWindow, { title: 'New workspace', defaultPath: 'capacity.headroom', filters: [{ name: 'Headroom workspace', extensions: ['headroom'] }] });
        if (choice.canceled || choice.filePath === undefined) return { ok: true, value: null };
        return toBackend({ type: 'call', method: 'workspace.create', input: { path: choice.filePath } });
      },
    ),
  );
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Headroom',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click must not open a link in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
}

applyAppWideSecurity();
void app.whenReady().then(() => {
  serveRendererFrom(rendererDir);
  backend = startBackend();
  registerIpc();
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => {
  backend?.postMessage({ type: 'shutdown' } satisfies HostToBackend);
});
