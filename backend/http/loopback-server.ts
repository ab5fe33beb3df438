import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendService } from '../service/backend-service.js';
import { checkApiRequest, checkHost } from './request-guard.js';
import { serveStatic } from './static-files.js';

/** JSON call bodies are small; files go through /api/upload, which streams. */
const MAX_CALL_BODY_BYTES = 1 << 20;

export interface LoopbackServer {
  readonly url: string;
  /** The URL to open, carrying the per-launch token in the fragment (never sent to the server or in Referer). */
  readonly launchUrl: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the UI and the contract on 127.0.0.1 only, on a random port unless one
 * is given, behind a per-launch token (see request-guard for the checks).
 * Routes: POST /api/call/<method> (JSON in, Result out), POST /api/upload?name=<file>
 * (streams a file to staging), GET /api/events (newline-delimited JSON events).
 */
export async function startLoopbackServer(service: BackendService, options: { rendererDir: string; port?: number }): Promise<LoopbackServer> {
  const token = randomBytes(32).toString('hex');
  let port = 0;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/')) {
      const hostProblem = checkHost(request, port);
      if (hostProblem !== undefined) return sendJson(response, 421, { ok: false, error: { code: 'forbidden', message: hostProblem } });
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { ok: false, error: { code: 'forbidden', message: 'method not allowed' } });
      if (!serveStatic(options.rendererDir, url.pathname, response)) sendText(response, 404, 'not found');
      return;
    }
    const problem = checkApiRequest(request, port, token);
    if (problem !== undefined) return sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: problem } });

    if (url.pathname === '/api/events' && request.method === 'GET') return streamEvents(request, response);
    if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: { code: 'forbidden', message: 'use POST' } });
    if (url.pathname === '/api/upload') {
      const staged = await service.staging.stageUpload(url.searchParams.get('name') ?? 'upload', request);
      return sendJson(response, 200, { ok: true, value: { stagedId: staged.id, name: staged.name, sizeBytes: staged.sizeBytes } });
    }
    const method = url.pathname.slice('/api/call/'.length);
    if (!url.pathname.startsWith('/api/call/')) return sendJson(response, 404, { ok: false, error: { code: 'not-found', message: 'no such route' } });
    const body = await readBody(request);
    if (body === undefined) return sendJson(response, 413, { ok: false, error: { code: 'bad-input', message: 'request body too large' } });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'bad-input', message: 'the request body is not JSON' } });
    }
    sendJson(response, 200, await service.call(method, input));
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.write(`${JSON.stringify({ type: 'hello' })}\n`);
    const unsubscribe = service.subscribe((event) => response.write(`${JSON.stringify(event)}\n`));
    // Comments keep idle proxies and the browser from closing a quiet stream.
    const keepAlive = setInterval(() => response.write('\n'), 15_000);
    request.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALL_BODY_BYTES) tooLarge = true;
      else parts.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
