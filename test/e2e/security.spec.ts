import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type LaunchOptions, type Page } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';

/**
 * Browser mode's defences, in a real Chromium (docs/security.md): another site open in
 * the same browser cannot call the loopback API — without the token, with a guessed one,
 * or even with the real one (its Origin is refused) — a DNS-rebinding page (a name of the
 * attacker's resolving to 127.0.0.1) is refused by Host, and the UI's own pages carry the
 * strict CSP. The attacker's calls try to save a scenario, so that a refusal is checked by
 * its effect: none, while the same call made with the token from here does save.
 */

let server: HeadroomServer;
let api: { port: number; token: string };
let attacker: Server;
let attackerOrigin: string;

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-e2e-security-'));
  server = await HeadroomServer.start(join(dir, 'w.headroom'));
  const launch = new URL(server.url);
  api = { port: Number(launch.port), token: new URLSearchParams(launch.hash.slice(1)).get('token') ?? '' };
  expect(api.token).toMatch(/^[0-9a-f]{64}$/);
  // The attacker's site: another origin (another port) serving a page with no CSP of its own.
  attacker = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>elsewhere</title><h1>some other site</h1>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => attacker?.close(resolve));
});

/** A call made the way our own UI makes it (token header, our Host, no foreign Origin), from this process. */
function trustedCall(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: api.port, path: `/api/call/${method}`, method: 'POST', headers: { 'x-headroom-token': api.token, 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(body) as { ok: boolean; value?: unknown }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

const scenario = (name: string) => ({ name, description: 'written by another site', changes: [{ kind: 'growth', multiplier: 9 }] });
const FORM_FIELD = { fieldName: '{"name":"evil-form","changes":[{"kind":"growth","multiplier":9}],"description":"', fieldValue: '"}' };

async function savedScenarioNames(): Promise<string[]> {
  const listed = await trustedCall('scenario.list', {});
  return (listed.value as { name: string }[]).map((s) => s.name);
}

test('a page of another origin cannot call the API: no token, a guessed token, or even the real one', async ({ page }) => {
  await page.goto(attackerOrigin);
  const outcomes = await page.evaluate(
    async ({ port, token }) => {
      const url = (name: string) => `http://127.0.0.1:${port}/api/call/scenario.save?${name}`;
      const body = (name: string) => ({ name, description: 'written by another site', changes: [{ kind: 'growth', multiplier: 9 }] });
      const attempt = async (name: string, init: RequestInit): Promise<string> => {
        try {
          const response = await fetch(url(name), { method: 'POST', ...init, body: JSON.stringify(body(name)) });
          return `read ${response.status}`;
        } catch {
          return 'blocked';
        }
      };
      return {
        // A "simple" request (text/plain body, no custom header) reaches the server without a preflight.
        noToken: await attempt('evil-no-token', {}),
        noTokenOpaque: await attempt('evil-no-token-opaque', { mode: 'no-cors' }),
        // A custom header forces a preflight, which the server never grants.
        guessedToken: await attempt('evil-guessed-token', { headers: { 'x-headroom-token': 'f'.repeat(64) } }),
        leakedToken: await attempt('evil-leaked-token', { headers: { 'x-headroom-token': token } }),
        leakedTokenJson: await attempt('evil-leaked-token-json', { headers: { 'x-headroom-token': token, 'content-type': 'application/json' } }),
        // Reading the events stream (what the UI was told) without the token.
        events: await fetch(`http://127.0.0.1:${port}/api/events`).then((r) => `read ${r.status}`, () => 'blocked'),
      };
    },
    { port: api.port, token: api.token },
  );
  // The page learns nothing: every response is unreadable to it (no CORS grant)…
  for (const [attempt, outcome] of Object.entries(outcomes)) expect(['blocked', 'read 0'], attempt).toContain(outcome);

  // …and a plain HTML form, which needs no CORS at all, fares no better. A text/plain form
  // sends `name=value`; with the '=' inside a string, that is a valid scenario.save body.
  expect(JSON.parse(`${FORM_FIELD.fieldName}=${FORM_FIELD.fieldValue}`)).toEqual({ ...scenario('evil-form'), description: '=' });
  await page.evaluate(
    ({ port, fieldName, fieldValue }) => {
      const frame = Object.assign(document.createElement('iframe'), { name: 'sink' });
      const form = Object.assign(document.createElement('form'), { method: 'POST', action: `http://127.0.0.1:${port}/api/call/scenario.save`, enctype: 'text/plain', target: 'sink' });
      const field = Object.assign(document.createElement('input'), { type: 'hidden', name: fieldName, value: fieldValue });
      form.append(field);
      document.body.append(frame, form);
      form.submit();
    },
    { port: api.port, ...FORM_FIELD },
  );
  await page.waitForTimeout(500);

  // The server refused them all: nothing was saved.
  expect(await savedScenarioNames()).toEqual([]);
  // The control: the same call, made the way our UI makes it, does save.
  expect(await trustedCall('scenario.save', scenario('ours'))).toMatchObject({ ok: true });
  expect(await savedScenarioNames()).toEqual(['ours']);
});

/** A Chromium whose resolver maps rebind.test to 127.0.0.1: a DNS-rebinding attacker's name, without DNS. */
async function rebindingBrowser(launchOptions: LaunchOptions | undefined, launch: (options: LaunchOptions) => Promise<Browser>): Promise<Browser> {
  return launch({ ...launchOptions, args: [...(launchOptions?.args ?? []), '--host-resolver-rules=MAP rebind.test 127.0.0.1'] });
}

test('a page reached through a rebound DNS name is refused by Host, even when it holds the token', async ({ playwright }, testInfo) => {
  const browser = await rebindingBrowser(testInfo.project.use.launchOptions, (options) => playwright.chromium.launch(options));
  try {
    const page: Page = await browser.newPage();
    // The attacker's name now points at our port: the page is served from "their" origin…
    const response = await page.goto(`http://rebind.test:${api.port}/`);
    // …but the UI is not: the Host header names them.
    expect(response?.status()).toBe(421);
    // Same-origin for the browser, so the page could read any answer; the server gives none.
    const outcomes = await page.evaluate(
      async ({ token }) => {
        const call = (method: string, headers: Record<string, string>, body: unknown) =>
          fetch(`/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.text() }));
        return {
          read: await call('series.list', { 'x-headroom-token': token }, {}),
          write: await call('scenario.save', { 'x-headroom-token': token, 'content-type': 'application/json' }, { name: 'evil-rebinding', changes: [{ kind: 'growth', multiplier: 9 }] }),
          noToken: await call('series.list', {}, {}),
        };
      },
      { token: api.token },
    );
    for (const [attempt, outcome] of Object.entries(outcomes)) {
      expect(outcome.status, attempt).toBe(403);
      expect(outcome.body, attempt).toMatch(/host rebind\.test/);
    }
    expect(await savedScenarioNames()).not.toContain('evil-rebinding');
  } finally {
    await browser.close();
  }
});

test('the UI’s own pages and scripts carry the strict CSP, and another site cannot frame them', async ({ page }) => {
  const response = await page.goto(server.url);
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
    expect(csp, directive).toContain(directive);
  }
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  // Every script the UI loads comes with the same header.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter((src) => src !== ''));
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const script = await page.request.get(src);
    expect(script.headers()['content-security-policy'], src).toBe(csp);
  }
  // Script injected into the page does not run, and the browser reports it as a CSP violation.
  const injected = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const element = document.createElement('script');
    element.textContent = 'window.__injected = true';
    document.head.append(element);
    // A string timer is eval: refused too.
    setTimeout('window.__evaluated = true', 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const flags = window as unknown as { __injected?: boolean; __evaluated?: boolean };
    return { inline: flags.__injected === true, evaluated: flags.__evaluated === true, violations: [...new Set(violations)].sort() };
  });
  expect(injected).toEqual({ inline: false, evaluated: false, violations: ['script-src', 'script-src-elem'] });

  // Another site framing the UI (clickjacking) gets an error page, not the UI.
  await page.goto(attackerOrigin);
  await page.evaluate((url) => {
    const frame = Object.assign(document.createElement('iframe'), { src: url, id: 'framed' });
    document.body.append(frame);
  }, `http://127.0.0.1:${api.port}/`);
  await expect.poll(() => page.frames().length).toBe(2);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  // frame-ancestors 'none' (and the opener policy): Chromium shows its error page in the frame.
  await expect.poll(() => framed?.url()).toBe('chrome-error://chromewebdata/');
});
