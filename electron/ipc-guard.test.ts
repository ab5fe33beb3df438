import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../shared/api/methods.js';
import { checkApiCall, checkNoArguments, isAppUrl, isSafeExternalUrl, isTrustedSender, type InvokeEventLike } from './ipc-guard.js';

/**
 * The main process's IPC checks, under plain Node (the desktop suite, which drives them
 * through a real window, skips where no Electron binary exists; test/electron).
 */

const ourContents = { id: 1 };
const window = { webContents: ourContents };
const event = (overrides: Partial<InvokeEventLike> = {}): InvokeEventLike => ({ sender: ourContents, senderFrame: { url: 'app://headroom/index.html', parent: null }, ...overrides });

describe('which pages are ours', () => {
  it('accepts app://headroom pages, whatever Node thinks their origin is', () => {
    // Node's URL does not know the app: scheme, so its origin is "null": never compare origins.
    expect(new URL('app://headroom/index.html').origin).toBe('null');
    expect(isAppUrl('app://headroom/index.html')).toBe(true);
    expect(isAppUrl('app://headroom/#/compare')).toBe(true);
    expect(isAppUrl('app://headroom')).toBe(true);
  });

  it('refuses every other scheme, host, user-info trick and garbage', () => {
    for (const url of [
      'https://headroom/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://headroom.evil.example/',
      'app://headroom:8080/',
      'app://user@headroom/',
      'APP://other/',
      'about:blank',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('lets only https links out to the browser', () => {
    expect(isSafeExternalUrl('https://www.electronjs.org/docs')).toBe(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'smb://share/x', 'javascript:alert(1)', 'app://headroom/', 'ms-settings:', 'nope']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('who may call', () => {
  it('serves our window’s top frame showing our page', () => {
    expect(isTrustedSender(event(), window)).toBe(true);
  });

  it('refuses another window, an iframe, a frame that is gone, a page elsewhere, and calls before the window exists', () => {
    expect(isTrustedSender(event({ sender: { id: 2 } }), window)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: { url: 'app://headroom/index.html', parent: {} } }), window)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: null }), window)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: { url: 'https://evil.example/', parent: null } }), window)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: { url: 'file:///tmp/x.html', parent: null } }), window)).toBe(false);
    expect(isTrustedSender(event(), undefined)).toBe(false);
  });
});

describe('what may be sent', () => {
  it('passes a valid call through unchanged, and an omitted input as {}', () => {
    const input = { names: ['cpu_pct'], buckets: 100 };
    expect(checkApiCall('series.window', [input])).toEqual({ ok: true, value: input });
    expect(checkApiCall('series.list', [])).toEqual({ ok: true, value: {} });
  });

  it('refuses malformed input against the contract’s zod schema, naming the field', () => {
    const wrongType = checkApiCall('series.window', [{ names: 'cpu_pct', buckets: 100 }]);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(!wrongType.ok && wrongType.error.message).toMatch(/names/);
    // Unknown keys are refused, not passed on (every input schema is strict).
    expect(checkApiCall('workspace.open', [{ path: '/tmp/w.headroom', extra: true }])).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(checkApiCall('app.info', [{ anything: 1 }])).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(checkApiCall('workspace.open', ['/etc/passwd'])).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(checkApiCall('workspace.open', [{ path: 'x'.repeat(5000) }])).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(checkApiCall('catalog.import', [{ text: 'x'.repeat(2_000_001) }])).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('refuses extra arguments and unknown methods', () => {
    expect(checkApiCall('series.list', [{}, { smuggled: true }])).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(checkApiCall('shell.exec', [{}])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(checkApiCall('__proto__', [{}])).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('has a schema for every method the preload exposes', () => {
    for (const method of API_METHOD_NAMES) expect(checkApiCall(method, [{ 'not-a-field': 1 }]), method).toMatchObject({ ok: false });
  });

  it('refuses arguments to the dialogs: their paths come from the dialog, never from the page', () => {
    expect(checkNoArguments('dialog:open-workspace', [])).toEqual({ ok: true, value: undefined });
    expect(checkNoArguments('dialog:open-workspace', ['/etc/passwd'])).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
