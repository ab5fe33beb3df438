import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { metricCsv } from '../../test/helpers/metric-csv.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { AppSettings } from '../settings/app-settings.js';
import { BackendService } from '../service/backend-service.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const tempDir = useTempDir();
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function start(): Promise<{ server: LoopbackServer; service: BackendService; dir: string }> {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
  const service = new BackendService({ host: 'browser', settings: new AppSettings(join(dir, 'config')) });
  service.openWorkspace(join(dir, 'w.headroom'), true);
  const server = await startLoopbackServer(service, { rendererDir });
  cleanup = async () => {
    await server.close();
    await service.close();
  };
  return { server, service, dir };
}

/** A raw HTTP request, so tests control every header (fetch would set Host and Origin itself). */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the loopback server (browser mode)', () => {
  it('listens on 127.0.0.1 only and prints a URL that carries the token in its fragment', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.launchUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a call that carries the token', async () => {
    const { server } = await start();
    const response = await send(server.port, '/api/call/series.list', { method: 'POST', headers: { 'x-headroom-token': server.token, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses a call without the token, with a wrong one, from another origin, or for another host name', async () => {
    const { server } = await start();
    const post = (headers: Record<string, string>) => send(server.port, '/api/call/app.info', { method: 'POST', headers, body: '{}' });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-headroom-token': 'f'.repeat(64) })).status).toBe(403);
    const crossSite = await post({ 'x-headroom-token': server.token, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body).error.message).toMatch(/origin/);
    // DNS rebinding: the attacker's name resolves to 127.0.0.1, so the Host header is theirs.
    const rebinding = await post({ 'x-headroom-token': server.token, host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(403);
    expect((await send(server.port, '/', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('serves the UI with a strict Content-Security-Policy and nothing outside its folder', async () => {
    const { server } = await start();
    const page = await send(server.port, '/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    expect((await send(server.port, '/../secret.txt')).status).toBe(404);
    expect((await send(server.port, '/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('validates input and names the bad field', async () => {
    const { server } = await start();
    const response = await send(server.port, '/api/call/series.window', { method: 'POST', headers: { 'x-headroom-token': server.token }, body: JSON.stringify({ names: 'cpu', buckets: 10 }) });
    const result = JSON.parse(response.body);
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-input');
    expect(result.error.message).toMatch(/names/);
    const notJson = await send(server.port, '/api/call/app.info', { method: 'POST', headers: { 'x-headroom-token': server.token }, body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('imports an uploaded file through a job and reports progress events', async () => {
    const { server } = await start();
    const headers = { 'x-headroom-token': server.token };
    const events: string[] = [];
    const eventStream = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...headers, host: `127.0.0.1:${server.port}` } }, (res) => {
      res.on('data', (chunk: Buffer) => events.push(chunk.toString('utf8')));
    });
    eventStream.end();
    const upload = JSON.parse((await send(server.port, '/api/upload?name=metrics.csv', { method: 'POST', headers, body: metricCsv({ columns: ['cpu_pct'], rows: 300 }) })).body);
    expect(upload.ok).toBe(true);
    const started = JSON.parse((await send(server.port, '/api/call/import.start', { method: 'POST', headers, body: JSON.stringify({ files: [{ stagedId: upload.value.stagedId }] }) })).body);
    expect(started.ok).toBe(true);
    let job;
    for (let i = 0; i < 100; i++) {
      job = JSON.parse((await send(server.port, '/api/call/job.status', { method: 'POST', headers, body: JSON.stringify({ jobId: started.value.jobId }) })).body).value;
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job.status).toBe('done');
    expect(job.result.files[0].file).toBe('metrics.csv');
    const series = JSON.parse((await send(server.port, '/api/call/series.list', { method: 'POST', headers, body: '{}' })).body).value;
    expect(series[0]).toMatchObject({ name: 'cpu_pct', points: 300 });
    await new Promise((r) => setTimeout(r, 50));
    eventStream.destroy();
    const text = events.join('');
    expect(text).toMatch(/"type":"job.updated"/);
    expect(text).toMatch(/"type":"workspace.changed"/);
  });
});
