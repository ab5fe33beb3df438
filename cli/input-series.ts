import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportOptions } from '../shared/api/contract.js';
import { importFiles } from '../backend/import/import-files.js';
import { openWorkspace } from '../backend/workspace/open-workspace.js';
import { listSeries } from '../backend/workspace/series-catalog.js';
import { readSeriesPoints, type SeriesPoints } from '../backend/workspace/series-points.js';
import { InputError } from './cli-errors.js';

/**
 * Reads one series from a file given on the command line (`--input`), through the very
 * importer `headroom import` uses — so any format it detects works, with the same
 * error messages (file, line, field) — into a throwaway workspace that is deleted after.
 * @param seriesName which series, when the file holds several
 * @throws {InputError} when the file is missing, unreadable, empty, or holds several series and none was named
 */
export async function readInputSeries(path: string, seriesName: string | undefined, options: ImportOptions = {}): Promise<SeriesPoints> {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  if (statSync(path).isDirectory()) throw new InputError(`${path}: is a folder; name a file`);
  const dir = mkdtempSync(join(tmpdir(), 'headroom-input-'));
  try {
    const db = openWorkspace(join(dir, 'input.headroom'), { create: true });
    try {
      await importFiles(db, [{ path, name: path }], options, () => undefined, new AbortController().signal);
      const series = listSeries(db);
      if (series.length === 0) throw new InputError(`${path}: holds no values to forecast (expected a timestamp column and a value column)`);
      const chosen = seriesName === undefined ? (series.length === 1 ? series[0] : undefined) : series.find((s) => s.name === seriesName);
      if (chosen === undefined) {
        const names = series.map((s) => s.name).join(', ');
        throw new InputError(seriesName === undefined ? `${path} holds ${series.length} series (${names}); choose one with --series <name>` : `${path} has no series '${seriesName}'; it holds ${names}`);
      }
      return readSeriesPoints(db, chosen.name);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
