import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../shared/api/types.js';
import { configDir } from './config-dir.js';

const MAX_RECENT = 12;

const settingsSchema = z.object({
  recent: z.array(z.object({ path: z.string(), openedAt: z.string() })).default([]),
  lastWorkspace: z.string().nullable().default(null),
});
type SettingsFile = z.infer<typeof settingsSchema>;

/**
 * The user's settings file (JSON). Written atomically (temporary file, then rename),
 * so a crash never leaves half a file; an unreadable file is set aside, not trusted.
 */
export class AppSettings {
  private readonly file: string;
  private data: SettingsFile;

  constructor(readonly dir: string = configDir()) {
    this.file = join(dir, 'settings.json');
    this.data = this.load();
  }

  private load(): SettingsFile {
    if (!existsSync(this.file)) return { recent: [], lastWorkspace: null };
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
      return { recent: [], lastWorkspace: null };
    }
  }

  private save(): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data, null, 2));
    renameSync(temporary, this.file);
  }

  /** Moves (or adds) a workspace to the top of the recent list and remembers it as the last one. */
  noteOpened(path: string): void {
    const absolute = resolve(path);
    this.data.recent = [{ path: absolute, openedAt: new Date().toISOString() }, ...this.data.recent.filter((r) => r.path !== absolute)].slice(0, MAX_RECENT);
    this.data.lastWorkspace = absolute;
    this.save();
  }

  recent(): RecentWorkspace[] {
    return this.data.recent.map((r) => ({ path: r.path, name: basename(r.path).replace(/\.headroom$/, ''), openedAt: r.openedAt, exists: existsSync(r.path) }));
  }

  lastWorkspace(): string | null {
    const last = this.data.lastWorkspace;
    return last !== null && existsSync(last) ? last : null;
  }
}
