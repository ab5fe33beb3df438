import type { BackendClient } from './backend-client.js';
import { createHttpClient, takeLaunchToken } from './http-client.js';
import { createIpcClient, type PreloadBridge } from './ipc-client.js';

declare global {
  interface Window {
    headroom?: PreloadBridge;
  }
}

/** The desktop bridge when the preload provided one, else loopback HTTP with the launch token. */
export function chooseClient(): BackendClient | string {
  if (window.headroom !== undefined) return createIpcClient(window.headroom);
  const token = takeLaunchToken();
  if (token === undefined) return 'This page needs the address printed by `headroom serve` (it carries an access token). Open that address, or restart with `headroom serve --open`.';
  return createHttpClient(token);
}
