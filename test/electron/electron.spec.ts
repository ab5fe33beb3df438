import { mkdtempSync } from 'node:fs';
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
  await expect(page.getByTestId('series-table').locator('tbody tr')).toHaveCount(9);
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

test('denies permission requests', async () => {
  const state = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' as PermissionName })).state);
  expect(state).not.toBe('granted');
});
