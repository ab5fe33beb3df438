// Builds the 10-million-point data set for bench/chart-window.mjs and times Headroom's
// chart queries on it. Bundled and run by that script (TypeScript, so it uses the real
// backend code).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { openWorkspace } from '../backend/workspace/open-workspace.js';
import { SeriesWriter } from '../backend/workspace/series-writer.js';
import { compactSeries } from '../backend/workspace/series-compaction.js';
import { refreshSeriesShape } from '../backend/workspace/series-catalog.js';
import { readSeriesWindow } from '../backend/workspace/series-window.js';

const [command, workspace, peerDb, pointsText, windowsJson] = process.argv.slice(2);
const POINTS = Number(pointsText);
const START = Date.UTC(2020, 0, 1);
const STEP = 10_000; // 10-second samples: 10 M points ≈ 3.2 years
const valueAt = (i: number): number => 50 + 30 * Math.sin(i / 8640) + 10 * Math.sin(i / 97) + ((i * 2654435761) % 1000) / 100;

if (command === 'build') {
  if (!existsSync(workspace ?? '')) {
    const db = openWorkspace(workspace ?? '', { create: true });
    db.transaction(() => {
      const writer = new SeriesWriter(db, new Date().toISOString());
      const sink = writer.sinkForFile();
      const handle = sink.declareSeries({ name: 'cpu_pct', unit: '%', labels: {}, origin: 'bench' });
      for (let i = 0; i < POINTS; i++) sink.addPoint(handle, START + i * STEP, valueAt(i));
      writer.flushAll();
      for (const id of writer.touchedSeries()) {
        compactSeries(db, id);
        refreshSeriesShape(db, id, new Date().toISOString());
      }
    })();
    db.close();
  }
  if (!existsSync(peerDb ?? '')) {
    // The design DESIGN.md rejects, as the peer: one row per point, indexed by time.
    const peer = new Database(peerDb ?? '');
    peer.exec('CREATE TABLE points (t INTEGER PRIMARY KEY, v REAL NOT NULL)');
    const insert = peer.prepare('INSERT INTO points VALUES (?, ?)');
    peer.transaction(() => {
      for (let i = 0; i < POINTS; i++) insert.run(START + i * STEP, valueAt(i));
    })();
    peer.close();
  }
  console.log(JSON.stringify({ start: START, end: START + (POINTS - 1) * STEP }));
} else if (command === 'time') {
  const windows = JSON.parse(windowsJson ?? '[]') as { from: number; to: number; buckets: number }[];
  const db = openWorkspace(workspace ?? '', { readonly: true });
  const times: number[] = [];
  let points = 0;
  // One warm-up pass, as a user's first zoom also finds the file in the OS cache.
  for (const w of windows.slice(0, 3)) readSeriesWindow(db, 'cpu_pct', w.from, w.to, w.buckets);
  for (const w of windows) {
    const started = process.hrtime.bigint();
    const result = readSeriesWindow(db, 'cpu_pct', w.from, w.to, w.buckets);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    points += result.t.length;
  }
  db.close();
  console.log(JSON.stringify({ times, points }));
}
