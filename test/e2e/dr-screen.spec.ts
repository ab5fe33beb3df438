import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';
import { DrPage } from './page-models/dr-page.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';

function sampleCopy(): string {
  const workspace = join(mkdtempSync(join(tmpdir(), 'headroom-e2e-')), 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  return workspace;
}

test('the DR sign-off: every scenario against its targets, the distribution with target and worst case, the timeline, the projection', async ({ page }) => {
  const server = await HeadroomServer.start(sampleCopy());
  try {
    const dr = new DrPage(page);
    await dr.open(server.url);
    await expect(page.getByTestId('dr-line')).toContainText('orders-db');
    await expect(dr.results.locator('tbody')).toHaveCount(7);
    // The sample's plan fails over automatically in a node failure, well within 2 minutes.
    await expect(dr.scenario('node-failure').locator('.dr-verdict').first()).toHaveText('met');
    // A zone outage falls back to a manual failover when the standby's lag is over the gate.
    await expect(dr.scenario('zone-outage')).toContainText('breached');
    // Every row shows the worst case beside P95.
    await expect(dr.results.locator('td.worst')).toHaveCount(14);
    await dr.scenario('region-outage').getByRole('button').first().click();
    const cdf = page.getByTestId('dr-distribution');
    await expect(cdf.locator('path.recharts-line-curve')).toHaveCount(1);
    await expect(cdf).toContainText('target');
    await expect(cdf).toContainText('worst');
    await expect(page.getByTestId('dr-timeline').locator('.dr-timeline-step').first()).toBeVisible();
    await expect(page.getByTestId('dr-projection-headline')).toContainText(/worst-case RTO/);
    await expect(page.getByTestId('dr-repository')).toContainText('one copy');
    await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
    await dr.screenshot('dr-results');
    await cdf.getByRole('button', { name: 'RPO' }).click();
    await expect(cdf.locator('h2')).toHaveText('Distribution of RPO');
  } finally {
    await server.stop();
  }
});

test('the plan editor: forms with units, errors under the field, tier targets, saved in the workspace, and unsaved edits recovered after a crash', async ({ page }) => {
  const workspace = sampleCopy();
  let server = await HeadroomServer.start(workspace);
  const configDir = server.configDir;
  try {
    const dr = new DrPage(page);
    await dr.open(server.url);
    await dr.tab('Plan');
    await expect(dr.editor).toBeVisible();
    await expect(page.getByTestId('dr-workspace-size')).toContainText('storage_used_gib', { timeout: 30_000 });
    await expect(dr.field('restore.baseGiBPerHour')).toContainText('GiB/h');
    await dr.screenshot('dr-plan-editor');

    // A wrong value is named under its field, and the simulation waits for a valid plan.
    const archive = dr.field('archiving.intervalSeconds').getByRole('textbox');
    await archive.fill('every minute');
    await expect(dr.field('archiving.intervalSeconds').locator('.dr-issue')).toContainText('expected a duration such as "60s"');
    await expect(dr.planStatus).toHaveText('1 problem in the plan');
    await expect(page.getByRole('button', { name: 'Save plan' })).toBeDisabled();
    await archive.fill('5m');
    await expect(dr.planStatus).toHaveText('unsaved changes');

    // Gold tier targets: every scenario's targets change at once.
    await page.getByLabel('Targets from a tier').selectOption('gold');
    await expect(page.locator('[data-scenario="zone-outage"] input[aria-label="RTO target"]')).toHaveValue('120');
    await expect(dr.status).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('dr-strip')).toContainText('Zone outage');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect(page.getByTestId('dr-save-state')).toContainText('Saved in the workspace');

    // An edit that was never saved survives a crash of the backend.
    await dr.field('database.walGiBPerHour').getByRole('textbox').fill('9.5');
    await page.waitForTimeout(1500);
    await server.crash();
    server = await HeadroomServer.start(workspace, configDir);
    await dr.open(server.url);
    await expect(page.getByTestId('dr-draft-banner')).toContainText('Unsaved edits of this plan');
    await dr.screenshot('dr-draft-recovered');
    await page.getByTestId('dr-draft-banner').getByRole('button', { name: 'Restore them' }).click();
    await dr.tab('Plan');
    await expect(dr.field('database.walGiBPerHour').getByRole('textbox')).toHaveValue('9.5');
    // What was saved before the crash is still the workspace's plan.
    await expect(page.locator('[data-scenario="zone-outage"] input[aria-label="RTO target"]')).toHaveValue('120');
    await expect(dr.field('archiving.intervalSeconds').getByRole('textbox')).toHaveValue('5m');
  } finally {
    await server.stop();
  }
});
