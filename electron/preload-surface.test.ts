import { describe, expect, it } from 'vitest';
import { buildPreloadApi, type IpcRendererLike } from './preload-surface.js';

/** A real-enough ipcRenderer: records what would cross to the main process. */
class RecordingIpc implements IpcRendererLike {
  readonly invoked: [string, unknown[]][] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return Promise.resolve({ ok: true, value: null });
  }
  on(): void {}
  removeListener(): void {}
}

describe('the preload surface (window.headroom)', () => {
  it('is pinned: a new privilege must show up in this snapshot and in review', () => {
    const api = buildPreloadApi(new RecordingIpc());
    const methods = Object.keys(api['methods'] as object).sort();
    expect({ keys: Object.keys(api).sort(), methods }).toMatchInlineSnapshot(`
      {
        "keys": [
          "createWorkspace",
          "methods",
          "onEvent",
          "pickImportFiles",
          "pickWorkspace",
        ],
        "methods": [
          "app.info",
          "catalog.export",
          "catalog.import",
          "catalog.list",
          "catalog.save",
          "compute.cancel",
          "decision.get",
          "decision.save",
          "dr.example",
          "dr.simulate",
          "drPlan.get",
          "drPlan.inputs",
          "drPlan.presets",
          "drPlan.save",
          "draft.discard",
          "draft.get",
          "draft.save",
          "forecast.models",
          "forecast.run",
          "import.history",
          "import.preview",
          "import.start",
          "job.cancel",
          "job.list",
          "job.status",
          "loadTest.list",
          "querymix.summary",
          "report.build",
          "report.pdf",
          "reportSettings.get",
          "reportSettings.save",
          "runway.assess",
          "scalability.analyse",
          "scale.compare",
          "scenario.delete",
          "scenario.list",
          "scenario.save",
          "series.delete",
          "series.list",
          "series.window",
          "system.get",
          "system.save",
          "workload.summary",
          "workspace.create",
          "workspace.current",
          "workspace.open",
          "workspace.recent",
        ],
      }
    `);
  });

  it('sends each method on its own channel, never a generic one', async () => {
    const ipc = new RecordingIpc();
    const api = buildPreloadApi(ipc);
    await (api['methods'] as Record<string, (input?: unknown) => Promise<unknown>>)['series.list']?.();
    expect(ipc.invoked).toEqual([['api:series.list', [{}]]]);
  });
});
