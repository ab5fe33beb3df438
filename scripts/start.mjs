// `npm start`: the desktop app on the sample workspace — or, where the Electron binary
// is absent, the same app in browser mode (`headroom serve --open`), said in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

if (!existsSync('out/cli.mjs') || !existsSync('out/renderer/index.html') || !existsSync('out/electron/main.cjs')) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = electronBinary();
if (electron !== undefined) {
  try {
    const { ensureElectronSqlite } = await import('./build-native-electron.mjs');
    await ensureElectronSqlite();
    const child = spawn(electron, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } catch (error) {
    console.log(`Headroom: the desktop app could not start (${error.message}); opening browser mode instead.`);
    serve();
  }
} else {
  console.log('Headroom: no Electron binary on this machine (its download was skipped or blocked); opening browser mode instead.');
  serve();
}

function serve() {
  const child = spawn(process.execPath, ['bin/headroom', 'serve', '--open'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  process.on('SIGINT', () => child.kill('SIGINT'));
}
