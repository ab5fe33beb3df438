import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();
if (binary === undefined) console.log('Desktop (Electron) tests skipped: no Electron binary on this machine.');
test.skip(binary === undefined, 'No Electron binary on this machine (npm could not download it); the desktop suite runs where `npm install` gets Electron. Browser mode is covered by test/e2e.');

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  const { ensureElectronSqlite } = await import('../../scripts/build-native-electron.mjs');
  await ensureElectronSqlite();
  app = await electron.launch({ ...(binary === undefined ? {} : { executablePath: binary }), args: ['.'], env: { ...process.env, HEADROOM_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'headroom-electron-')) } });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
});

test('opens the sample workspace from app://', async () => {
  expect(page.url()).toBe('app://headroom/index.html');
  await expect(page.getByTestId('workspace-name')).toHaveText('Sample workspace');
  await expect(page.getByTestId('series-table').locator('tbody tr')).toHaveCount(13);
});

test('exposes exactly the preload surface, and no Node', async () => {
  const surface = await page.evaluate(() => {
    const bridge = (window as unknown as { headroom?: { methods?: object } }).headroom;
    return {
      keys: Object.keys(bridge ?? {}).sort(),
      methods: Object.keys(bridge?.methods ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    };
  });
  expect(surface.keys).toEqual(['createWorkspace', 'methods', 'onEvent', 'pickImportFiles', 'pickWorkspace']);
  expect(surface.methods).toContain('series.list');
  expect(surface.require).toBe('undefined');
  expect(surface.process).toBe('undefined');
});

test('refuses navigation away from the app and new windows', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://headroom/index.html');
  await page.evaluate(() => window.open('https://example.com/'));
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});

test('refuses navigation to local files, new windows of our own pages, and links that open windows', async () => {
  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe('app://headroom/index.html');
  await page.evaluate(() => window.open('app://headroom/index.html'));
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: 'https://example.com/', target: '_blank', id: 'security-test-link' });
    document.body.append(link);
    link.click();
    link.dispatchEvent(new MouseEvent('auxclick', { button: 1, bubbles: true }));
    link.remove();
  });
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe('app://headroom/index.html');
});

test('serves the UI with a strict CSP: injected inline script does not run', async () => {
  const csp = await page.evaluate(async () => (await fetch('app://headroom/index.html')).headers.get('content-security-policy'));
  expect(csp).toMatch(/script-src 'self'/);
  expect(csp).toMatch(/object-src 'none'/);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    script.remove();
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});

test('refuses malformed IPC arguments in the main process, naming the field', async () => {
  const answers = await page.evaluate(async () => {
    const methods = (window as unknown as { headroom: { methods: Record<string, (input?: unknown) => Promise<unknown>> } }).headroom.methods;
    const call = (method: string, input: unknown): Promise<unknown> => {
      const fn = methods[method];
      if (fn === undefined) throw new Error(`no method ${method}`);
      return fn(input);
    };
    return [await call('series.window', { names: 'cpu_pct', buckets: 10 }), await call('workspace.open', { path: 42 }), await call('app.info', { extra: true }), await call('catalog.import', { text: 'x'.repeat(2_000_001) })];
  });
  for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  expect(JSON.stringify(answers[0])).toMatch(/names/);
});

test('refuses IPC from any other window, even one showing our own page, and on unknown channels', async () => {
  // A second window whose preload hands its page ipcRenderer itself: what injected code would want.
  const preload = join(mkdtempSync(join(tmpdir(), 'headroom-electron-preload-')), 'raw-ipc.cjs');
  writeFileSync(preload, "const { contextBridge, ipcRenderer } = require('electron');\ncontextBridge.exposeInMainWorld('rawIpc', { invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args) });\n");
  const opened = app.waitForEvent('window');
  const foreignId = await app.evaluate(({ BrowserWindow }, preloadPath) => {
    const foreign = new BrowserWindow({ show: false, webPreferences: { preload: preloadPath, sandbox: true, contextIsolation: true } });
    void foreign.loadURL('app://headroom/index.html');
    return foreign.id;
  }, preload);
  try {
    const foreign = await opened;
    await foreign.waitForLoadState('domcontentloaded');
    const answers = await foreign.evaluate(async () => {
      const raw = (window as unknown as { rawIpc: { invoke(channel: string, ...args: unknown[]): Promise<unknown> } }).rawIpc;
      const settle = (call: Promise<unknown>): Promise<{ value?: unknown; error?: string }> => call.then((value) => ({ value }), (error: unknown) => ({ error: String(error) }));
      return {
        call: await settle(raw.invoke('api:app.info', {})),
        dialog: await settle(raw.invoke('dialog:open-workspace')),
        unknownMethod: await settle(raw.invoke('api:shell.exec', { command: 'id' })),
        unknownChannel: await settle(raw.invoke('backend:stage', ['/etc/passwd'])),
      };
    });
    expect(answers.call.value).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(answers.dialog.value).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(answers.unknownMethod.error).toMatch(/No handler registered/);
    expect(answers.unknownChannel.error).toMatch(/No handler registered/);
  } finally {
    await app.evaluate(({ BrowserWindow }, id) => BrowserWindow.fromId(id)?.destroy(), foreignId);
  }
  // Our own window is still served.
  const info = await page.evaluate(() => (window as unknown as { headroom: { methods: Record<string, () => Promise<unknown>> } }).headroom.methods['app.info']?.());
  expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
});

test('denies permission requests', async () => {
  const state = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' as PermissionName })).state);
  expect(state).not.toBe('granted');
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  const media = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'granted', (error: unknown) => String(error)));
  expect(media).not.toBe('granted');
});
