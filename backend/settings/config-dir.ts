import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Headroom keeps its settings (recent files, the copy of the sample workspace):
 * HEADROOM_CONFIG_DIR when set (tests use a temporary folder), else the platform's
 * per-user configuration folder — the same folder Electron's app.getPath('userData')
 * uses for an app named Headroom.
 */
export function configDir(): string {
  const override = process.env['HEADROOM_CONFIG_DIR'];
  if (override !== undefined && override.length > 0) return override;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Headroom');
  if (process.platform === 'win32') return join(process.env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Headroom');
  return join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Headroom');
}
