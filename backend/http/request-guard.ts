import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The checks every loopback API request must pass (docs/security.md):
 * - Host is exactly 127.0.0.1:<port> or localhost:<port> — a page on another name that
 *   resolves to 127.0.0.1 (DNS rebinding) sends its own name and is refused;
 * - Origin, when the browser sends one, is our own origin — another site's page that
 *   tries to call the API is refused even before the token is checked;
 * - the per-launch token matches (constant-time comparison).
 */
export function checkApiRequest(request: IncomingMessage, port: number, token: string): string | undefined {
  const hostProblem = checkHost(request, port);
  if (hostProblem !== undefined) return hostProblem;
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).includes(origin)) return `origin ${origin} may not call this API`;
  const given = request.headers['x-headroom-token'];
  if (typeof given !== 'string' || !sameSecret(given, token)) return 'missing or wrong token';
  return undefined;
}

export function checkHost(request: IncomingMessage, port: number): string | undefined {
  const host = request.headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return `host ${host ?? '(none)'} is not this server`;
  return undefined;
}

function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
