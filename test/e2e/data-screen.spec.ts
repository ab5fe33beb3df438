import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';
import { DataPage } from './page-models/data-page.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
}

function metricsCsv(rows: number): string {
  const lines = ['timestamp,cpu_pct,storage_gib,latency_ms'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + i * 300_000).toISOString().replace('.000Z', 'Z');
    lines.push(`${t},${(30 + 20 * Math.sin(i / 40)).toFixed(2)},${(500 + i * 0.05).toFixed(2)},${(3 + (i % 17) / 10).toFixed(1)}`);
  }
  lines.splice(120, 0, '2026-01-01T09:57:00Z,not-a-number,510,4'); // a bad cell, reported by line
  return `${lines.join('\n')}\n`;
}

test('the sample workspace shows every series, charted, zoomable', async ({ page }) => {
  const dir = tempDir();
  const workspace = join(dir, 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  const server = await HeadroomServer.start(workspace);
  try {
    const data = new DataPage(page);
    await data.open(server.url);
    await expect(page.getByTestId('workspace-name')).toHaveText('sample');
    await expect(data.seriesTable.locator('tbody tr')).toHaveCount(13);
    await expect(data.linePaths().first()).toBeVisible();
    await data.seriesRow('read_qps').click();
    await data.seriesRow('write_qps').click();
    await data.seriesRow('storage_used_gib').click();
    await expect(data.charts).toHaveCount(3); // %, QPS, GiB: one chart per unit
    await data.screenshot('sample-overview');

    await page.getByRole('button', { name: '7 d' }).click();
    await expect(data.windowLabel).toContainText('2026-10-24');
    await expect(data.charts.first()).toContainText('raw samples');
    const overlay = page.getByTestId('chart-overlay').first();
    const box = await overlay.boundingBox();
    if (box === null) throw new Error('no chart overlay');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect(page.locator('.chart-tooltip').first()).toContainText('UTC');
    await page.mouse.wheel(0, -400);
    await expect(data.windowLabel).not.toContainText('6d 23h');
    await data.screenshot('sample-zoomed');
    // Drag to select a range, Grafana-style.
    await page.mouse.move(box.x + box.width * 0.3, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await overlay.dblclick();
    await expect(data.windowLabel).toContainText('2025-10-01 00:00');
  } finally {
    await server.stop();
  }
});

test('import a CSV through the UI, see it charted, reload, restart: still there', async ({ page }) => {
  const dir = tempDir();
  const csv = join(dir, 'orders-db.csv');
  writeFileSync(csv, metricsCsv(2000));
  const workspace = join(dir, 'fresh.headroom');
  let server = await HeadroomServer.start(workspace);
  const configDir = server.configDir;
  try {
    const data = new DataPage(page);
    await data.open(server.url);
    await expect(page.getByText('No series yet')).toBeVisible();
    await data.importFiles([csv]);
    await expect(data.importReport).toContainText('2,001 rows read');
    await expect(data.importReport).toContainText('orders-db.csv:121');
    await expect(data.importReport).toContainText("column 'cpu_pct': 'not-a-number' is not a number");
    await expect(data.seriesNameCells()).toHaveText(['cpu_pct', 'latency_ms', 'storage_gib']);
    await expect(data.seriesRow('cpu_pct')).toContainText('%');
    await expect(data.seriesRow('cpu_pct')).toContainText('2,000');
    await expect(data.linePaths().first()).toBeVisible();
    await data.screenshot('after-import');

    await page.reload();
    await expect(data.seriesNameCells()).toHaveText(['cpu_pct', 'latency_ms', 'storage_gib']);
    await expect(data.linePaths().first()).toBeVisible();

    await server.stop();
    server = await HeadroomServer.start(workspace, configDir);
    await data.open(server.url);
    await expect(data.seriesNameCells()).toHaveText(['cpu_pct', 'latency_ms', 'storage_gib']);
    await page.getByRole('tab', { name: 'Import history' }).click();
    await expect(data.importReport).toContainText('orders-db.csv');
    await data.screenshot('after-restart-history');
  } finally {
    await server.stop();
  }
});

test('a file that is not a metric export is refused with its line and reason, and nothing changes', async ({ page }) => {
  const dir = tempDir();
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'Capacity meeting notes\nbuy more disks\n');
  const workspace = join(dir, 'w.headroom');
  copyFileSync(SAMPLE, workspace);
  const server = await HeadroomServer.start(workspace);
  try {
    const data = new DataPage(page);
    await data.open(server.url);
    await data.chooseFiles([notes]);
    await expect(data.importDialog().getByTestId('preview-error')).toContainText('notes.txt:1: no timestamp column');
    await expect(data.importDialog().getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await data.screenshot('refused-import-preview');
    await data.importDialog().getByRole('button', { name: 'Cancel' }).click();
    await expect(data.seriesTable.locator('tbody tr')).toHaveCount(13);
    await data.screenshot('refused-import');
  } finally {
    await server.stop();
  }
});

test('the loopback API refuses a page of another origin', async ({ page }) => {
  const dir = tempDir();
  const workspace = join(dir, 'w.headroom');
  copyFileSync(SAMPLE, workspace);
  const server = await HeadroomServer.start(workspace);
  try {
    await page.goto('about:blank');
    const port = new URL(server.url).port;
    // A page elsewhere (here: about:blank) tries to read the series without the token.
    const status = await page.evaluate(async (p) => {
      try {
        const response = await fetch(`http://127.0.0.1:${p}/api/call/series.list`, { method: 'POST', body: '{}' });
        return response.status;
      } catch {
        return -1; // blocked before reaching the server: also a refusal
      }
    }, port);
    expect([403, -1]).toContain(status);
  } finally {
    await server.stop();
  }
});

test('create a new workspace, then go back to the previous one from the recent list', async ({ page }) => {
  const dir = tempDir();
  const workspace = join(dir, 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  const server = await HeadroomServer.start(workspace);
  try {
    const data = new DataPage(page);
    await data.open(server.url);
    await expect(page.getByTestId('workspace-name')).toHaveText('sample');
    await page.getByRole('button', { name: 'New…' }).click();
    await page.getByRole('dialog', { name: 'New workspace' }).getByRole('textbox').fill(join(dir, 'capacity-2027'));
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByTestId('workspace-name')).toHaveText('capacity-2027');
    await expect(page.getByText('No series yet')).toBeVisible();
    await page.getByRole('button', { name: 'Open…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open workspace' });
    await dialog.getByRole('button', { name: 'sample', exact: true }).click();
    await expect(page.getByTestId('workspace-name')).toHaveText('sample');
    await expect(data.seriesTable.locator('tbody tr')).toHaveCount(13);
    // A path that is not a workspace is refused with a message, and nothing changes.
    await page.getByRole('button', { name: 'Open…' }).click();
    await dialog.getByRole('textbox').fill(join(dir, 'nothing-here.headroom'));
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('no such workspace file');
    await expect(page.getByTestId('workspace-name')).toHaveText('sample');
  } finally {
    await server.stop();
  }
});

test('the import dialog previews a file and lets the user correct how it is read', async ({ page }) => {
  const dir = tempDir();
  const csv = join(dir, 'grafana-berlin.csv');
  // A Grafana "Download for Excel" export with formatted values, in Berlin time, without a zone.
  writeFileSync(csv, 'sep=;\r\n"Time";"orders-db CPU";"orders-db memory"\r\n"2026-07-01 12:00:00";"41.2%";"980 MB"\r\n"2026-07-01 12:05:00";"43.7%";"1.2 GB"\r\n');
  const workspace = join(dir, 'w.headroom');
  const server = await HeadroomServer.start(workspace);
  try {
    const data = new DataPage(page);
    await data.open(server.url);
    await data.chooseFiles([csv]);
    const dialog = data.importDialog();
    await expect(dialog.getByLabel('Format', { exact: true })).toContainText('detected: Grafana CSV');
    await expect(dialog.getByTestId('preview-series')).toContainText('orders-db memory');
    await expect(dialog.getByTestId('preview-series')).toContainText('2026-07-01 12:00:00');
    await expect(dialog.getByLabel('Unit of orders-db CPU')).toHaveValue('%');
    await dialog.getByPlaceholder('UTC').fill('Europe/Berlin');
    await expect(dialog.getByTestId('preview-series')).toContainText('2026-07-01 10:00:00');
    await data.screenshot('import-dialog');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(data.importReport).toContainText('grafana-berlin.csv');
    await expect(data.seriesRow('orders-db memory')).toContainText('MB');
    await expect(data.seriesRow('orders-db memory')).toContainText('2026-07-01');
  } finally {
    await server.stop();
  }
});
