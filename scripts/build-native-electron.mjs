// Builds better-sqlite3 for Electron's ABI into out/native/electron/, beside (not over)
// the Node build in node_modules that tests, the CLI and browser mode use. The desktop
// app passes that file to better-sqlite3 (HEADROOM_SQLITE_BINDING → nativeBinding), so
// one checkout runs under both Node and Electron without rebuilding in place.
// Needs internet once (Electron's headers or better-sqlite3's prebuilt binary).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const target = join(root, 'out', 'native', 'electron');
const stamp = join(target, 'electron-version.txt');

export async function ensureElectronSqlite() {
  const version = electronVersion();
  if (version === undefined) throw new Error('the electron package is not installed');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === `${version} ${process.arch}` && existsSync(join(target, 'better_sqlite3.node'))) return join(target, 'better_sqlite3.node');
  console.log(`Building better-sqlite3 for Electron ${version} (${process.arch}) — once per Electron version…`);
  const work = join(root, 'out', 'native', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  cpSync(source, join(work, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`) });
  const { version: sqliteVersion } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'headroom-native', version: '0.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }));
  const { rebuild } = require('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion: version, arch: process.arch, onlyModules: ['better-sqlite3'], force: true });
  mkdirSync(target, { recursive: true });
  copyFileSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(target, 'better_sqlite3.node'));
  writeFileSync(stamp, `${version} ${process.arch}`);
  rmSync(work, { recursive: true, force: true });
  return join(target, 'better_sqlite3.node');
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(await ensureElectronSqlite());
}
