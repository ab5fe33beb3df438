import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';

async function openHeadroom(page: Page, url: string): Promise<void> {
  // The launch URL's fragment carries the access token; then the app routes by fragment.
  await page.goto(url);
  await expect(page.getByRole('link', { name: 'Headroom' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#headroom'));
  await expect(page.getByTestId('binding-card')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('runway-status')).toHaveCount(0, { timeout: 60_000 });
}

test('the sample system: storage binds first, every resource with headroom and runway, drill-down, settings saved', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
  const workspace = join(dir, 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  const server = await HeadroomServer.start(workspace);
  try {
    await openHeadroom(page, server.url);
    await expect(page.getByTestId('system-line')).toContainText('orders-db · mem.2xlarge (8 vCPU, 64 GiB)');
    await expect(page.getByTestId('binding-summary')).toContainText(/^Storage binds first: it reaches 80 % of capacity around 2027-/);
    const rows = page.getByTestId('resource-table').locator('tbody tr');
    await expect(rows).toHaveCount(6);
    await expect(rows.first()).toContainText('Storage');
    await expect(rows.last()).toContainText('soft limit');
    await expect(page.getByTestId('resource-drilldown')).toContainText('Storage: max per day against its target');
    await expect(page.getByTestId('resource-drilldown').locator('.recharts-reference-line')).toHaveCount(4); // now, fit from, target, capacity
    await page.screenshot({ path: 'test-results/screenshots/headroom-sample.png', fullPage: true });

    await page.getByRole('button', { name: 'Show the forecast of CPU' }).click();
    await expect(page.getByTestId('resource-drilldown')).toContainText('CPU: p95 per day');

    // More storage moves the verdict: memory binds first.
    await page.getByRole('button', { name: 'Instance, resources and targets…' }).click();
    await page.getByLabel('Allocated storage (GiB)').fill('4000');
    await page.getByRole('button', { name: 'Save and recompute' }).click();
    await expect(page.getByTestId('binding-summary')).toContainText(/^Memory binds first/, { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/screenshots/headroom-more-storage.png', fullPage: true });
  } finally {
    await server.stop();
  }
});

test('unsaved system settings survive a crash of the backend and are offered back', async ({ page }) => {
  const workspace = join(mkdtempSync(join(tmpdir(), 'headroom-e2e-')), 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  let server = await HeadroomServer.start(workspace);
  try {
    await openHeadroom(page, server.url);
    await page.getByRole('button', { name: 'Instance, resources and targets…' }).click();
    await page.getByLabel('Allocated storage (GiB)').fill('3100');
    await page.waitForTimeout(1500);
    await server.crash();
    server = await HeadroomServer.start(workspace, server.configDir);
    await openHeadroom(page, server.url);
    await page.getByRole('button', { name: 'Instance, resources and targets…' }).click();
    await expect(page.getByTestId('system-draft-banner')).toContainText('Unsaved settings');
    await expect(page.getByLabel('Allocated storage (GiB)')).not.toHaveValue('3100');
    await page.getByTestId('system-draft-banner').getByRole('button', { name: 'Restore them' }).click();
    await expect(page.getByLabel('Allocated storage (GiB)')).toHaveValue('3100');
  } finally {
    await server.stop();
  }
});
