import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { catalogToCsv } from '../../shared/catalog/catalog-csv.js';
import { EXAMPLE_DR_PLAN } from '../../shared/dr/example-plan.js';
import { BackendService } from '../service/backend-service.js';
import { AppSettings } from '../settings/app-settings.js';
import { catalogFor, decisionFor, scenarioFor, systemFor, type SaveKind } from './save-crash-fixture.js';

/**
 * The process save-crash.test.ts kills with SIGKILL. In `save` mode it saves every kind of
 * value through the backend's own handlers (validation, stores, transactions — what the
 * UI's calls go through), one generation after another, while a DR simulation runs in the
 * compute worker, until it is killed. In `create` mode it creates workspace after
 * workspace (`workspace.create`). Before and after each call it writes a line to stdout
 * (`begin <kind> <generation>`, `ack <kind> <generation>`) with a synchronous write, so
 * the test knows which call was in flight when the kill came and which had returned.
 *
 * Arguments: save <workspace> <settings dir> <compute worker file> <first generation>
 *        or: create <folder> <settings dir>
 * A test fixture (bundled by the test), not part of the app.
 */
const [mode, target, settingsDir, computeWorkerFile, first] = process.argv.slice(2);
if (target === undefined || settingsDir === undefined || (mode === 'save' && (computeWorkerFile === undefined || first === undefined)) || (mode !== 'save' && mode !== 'create')) {
  throw new Error('usage: save-crash-child save <workspace> <settings dir> <compute worker file> <first generation> | create <folder> <settings dir>');
}

const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

const service = new BackendService({ host: 'browser', settings: new AppSettings(settingsDir), ...(computeWorkerFile === undefined ? {} : { computeWorkerFile }) });

async function call(kind: SaveKind | 'dr' | 'create', generation: number, method: string, input: unknown): Promise<void> {
  say(`begin ${kind} ${generation}`);
  const result = await service.call(method, input);
  if (!result.ok) {
    say(`error ${kind} ${generation} ${result.error.code}: ${result.error.message}`);
    process.exit(1);
  }
  say(`ack ${kind} ${generation}`);
}

async function simulateWhileSaving(): Promise<void> {
  for (let run = 1; ; run++) await call('dr', run, 'dr.simulate', { plan: EXAMPLE_DR_PLAN, trials: 1000, seed: run });
}

async function saveGenerations(from: number): Promise<void> {
  for (let g = from; ; g++) {
    // Odd generations replace the catalog through a CSV import, even ones through the editor's save.
    if (g % 2 === 1) await call('catalog', g, 'catalog.import', { text: catalogToCsv(catalogFor(g)) });
    else await call('catalog', g, 'catalog.save', { instances: catalogFor(g) });
    await call('system', g, 'system.save', systemFor(g));
    await call('scenario', g, 'scenario.save', scenarioFor(g));
    await call('decision', g, 'decision.save', decisionFor(g));
    // Calls from the UI arrive as separate events; let the simulation's messages in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function createWorkspaces(folder: string): Promise<void> {
  for (let n = 1; ; n++) {
    await call('create', n, 'workspace.create', { path: join(folder, `w${n}.headroom`) });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

if (mode === 'save') {
  service.openWorkspace(target);
  say('ready');
  void simulateWhileSaving();
  void saveGenerations(Number(first));
} else {
  say('ready');
  void createWorkspaces(target);
}
