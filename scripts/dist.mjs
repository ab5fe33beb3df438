// `npm run dist`: desktop installers with electron-builder (electron-builder.yml). Needs
// the Electron binary and internet; on a machine without them it says so and stops.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary } from './electron-binary.mjs';

if (electronBinary() === undefined) {
  console.error('npm run dist: no Electron binary on this machine (npm could not download it). Installers can only be built where `npm install` gets Electron.');
  process.exit(1);
}
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const { ensureElectronSqlite } = await import('./build-native-electron.mjs');
await ensureElectronSqlite();
const builder = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const run = spawnSync(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
