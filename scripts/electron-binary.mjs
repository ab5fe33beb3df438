// Where the Electron binary is, if this machine has one. The `electron` package is an
// optional dependency: where its postinstall cannot download the binary (no internet,
// ELECTRON_SKIP_BINARY_DOWNLOAD=1), npm drops it or it lacks its binary — both mean
// "no desktop app here", and Headroom runs in browser mode instead.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function electronVersion() {
  try {
    return createRequire(import.meta.url)('electron/package.json').version;
  } catch {
    return undefined;
  }
}
