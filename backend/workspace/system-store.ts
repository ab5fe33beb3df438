import { systemConfigSchema } from '../../shared/api/system-schema.js';
import type { InstanceType } from '../../shared/api/types.js';
import { defaultSystemConfig } from '../../shared/capacity/default-resources.js';
import type { SystemConfig } from '../../shared/capacity/system-config.js';
import type { WorkspaceDb } from './open-workspace.js';
import { listSeries } from './series-catalog.js';
import { listInstanceTypes } from './reference-tables.js';

/**
 * The workspace's system configuration. A workspace describes one system for now (the
 * table allows more); without a saved one, defaults are derived from its series and
 * nothing is written — reading never changes a file.
 */
export function loadSystem(db: WorkspaceDb, fallbackName: string): { config: SystemConfig; saved: boolean } {
  const row = db.prepare<[], { config: string }>('SELECT config FROM system ORDER BY id LIMIT 1').get();
  if (row !== undefined) {
    const parsed = systemConfigSchema.safeParse(JSON.parse(row.config));
    if (parsed.success) return { config: parsed.data, saved: true };
  }
  return { config: defaultSystemConfig(fallbackName, listSeries(db), undefined), saved: false };
}

/** Replaces the workspace's system configuration. */
export function saveSystem(db: WorkspaceDb, config: SystemConfig, now: string): void {
  const checked = systemConfigSchema.parse(config);
  db.transaction(() => {
    db.prepare('DELETE FROM system').run();
    db.prepare('INSERT INTO system(name, config, updated_at) VALUES (?, ?, ?)').run(checked.name, JSON.stringify(checked), now);
  })();
}

/** The catalog entry of the system's instance, when it has one. */
export function systemInstance(db: WorkspaceDb, config: SystemConfig): InstanceType | undefined {
  const chosen = config.instance;
  if (chosen === null) return undefined;
  return listInstanceTypes(db).find((i) => i.provider === chosen.provider && i.instanceClass === chosen.instanceClass);
}
