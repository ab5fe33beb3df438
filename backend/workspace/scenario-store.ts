import { z } from 'zod';
import type { Scenario } from '../../shared/forecast/scenarios.js';
import type { StoredScenario } from '../../shared/api/types.js';
import { scenarioSchema } from '../../shared/api/scenario-schema.js';
import type { WorkspaceDb } from './open-workspace.js';

export type { StoredScenario };

/** Every saved scenario, by name. Changes that no longer validate are skipped, not trusted. */
export function listScenarios(db: WorkspaceDb): StoredScenario[] {
  const rows = db.prepare<[], { name: string; description: string; changes: string; updated_at: string }>('SELECT name, description, changes, updated_at FROM scenario ORDER BY name').all();
  return rows.flatMap((row) => {
    const changes = z.array(scenarioSchema.shape.changes.element).safeParse(JSON.parse(row.changes));
    return changes.success ? [{ name: row.name, description: row.description, changes: changes.data, updatedAt: row.updated_at }] : [];
  });
}

/** Saves (creates or replaces) a scenario. */
export function saveScenario(db: WorkspaceDb, scenario: Scenario & { readonly description?: string | undefined }, now: string): void {
  db.prepare(
    `INSERT INTO scenario(name, description, changes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET description = excluded.description, changes = excluded.changes, updated_at = excluded.updated_at`,
  ).run(scenario.name, scenario.description ?? '', JSON.stringify(scenario.changes), now, now);
}

export function deleteScenario(db: WorkspaceDb, name: string): boolean {
  return db.prepare('DELETE FROM scenario WHERE name = ?').run(name).changes > 0;
}
