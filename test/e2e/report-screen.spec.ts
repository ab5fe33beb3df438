import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';
const HOSTILE = '<img src=x onerror=alert(1)>';

function sampleCopy(): string {
  const workspace = join(mkdtempSync(join(tmpdir(), 'headroom-e2e-')), 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  return workspace;
}

async function openReport(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('link', { name: 'Report', exact: true })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#report'));
  await expect(page.getByTestId('report-frame')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('report-status')).toHaveCount(0, { timeout: 90_000 });
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'headroom-download-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('the Report screen: live preview of every section, sign-off typed in, exports that verify against the workspace', async ({ page }) => {
  const workspace = sampleCopy();
  let server = await HeadroomServer.start(workspace);
  const configDir = server.configDir;
  try {
    await openReport(page, server.url);
    const preview = page.frameLocator('[data-testid="report-frame"]');
    for (const id of ['capacity', 'scaling', 'dr', 'signoff']) await expect(preview.locator(`section#${id}`)).toBeVisible();
    await expect(preview.locator('section#dr')).toContainText('Zone outage');
    await expect(preview.locator('svg').first()).toBeVisible();

    // Sign-off fields apply at once (no recomputation), as text.
    await page.getByLabel('Prepared by', { exact: true }).fill(HOSTILE);
    await page.getByLabel('Reviewed by', { exact: true }).fill('DR board');
    await page.getByLabel('Decision', { exact: true }).fill('Approved with the zone-outage finding to fix by Q1.');
    await expect(preview.locator('section#signoff')).toContainText(HOSTILE);
    await expect(preview.locator('section#signoff img')).toHaveCount(0);
    await expect(page.getByTestId('report-status')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/report-screen.png', fullPage: false });

    // HTML: self-contained, and `report --verify` matches it against the workspace.
    const html = await download(page, () => page.getByRole('button', { name: 'HTML', exact: true }).click());
    const text = readFileSync(html, 'utf8');
    expect(text.toLowerCase()).not.toContain('<script');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const verify = spawnSync(process.execPath, ['bin/headroom', 'report', '--verify', html, '--workspace', workspace], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/match/i);

    // PDF through the backend (headless Chromium in browser mode).
    const pdf = await download(page, () => page.getByRole('button', { name: 'PDF', exact: true }).click());
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByTestId('report-pdf-state')).toContainText(/\d+ pages/);

    // One section only: the DR sign-off.
    await page.getByLabel(/Capacity review/).uncheck();
    await page.getByLabel(/Scaling decision/).uncheck();
    await expect(page.getByTestId('report-status')).toHaveCount(0, { timeout: 60_000 });
    await expect(preview.locator('section#capacity')).toHaveCount(0);
    await expect(preview.locator('section#dr')).toBeVisible();
    const csv = await download(page, () => page.getByRole('button', { name: /^dr/ }).first().click());
    expect(readFileSync(csv, 'utf8').split(/\r?\n/)[0]).toContain('scenario');

    // The choices and sign-off are kept in the workspace.
    await page.waitForTimeout(1200);
    await server.stop();
    server = await HeadroomServer.start(workspace, configDir);
    await openReport(page, server.url);
    await expect(page.getByLabel('Reviewed by', { exact: true })).toHaveValue('DR board');
    await expect(page.getByLabel(/Capacity review/)).not.toBeChecked();
  } finally {
    await server.stop();
  }
});

test('charts save as SVG and PNG', async ({ page }) => {
  const server = await HeadroomServer.start(sampleCopy());
  try {
    await page.goto(server.url);
    await page.evaluate(() => (window.location.hash = '#dr'));
    const cdf = page.getByTestId('dr-distribution');
    await expect(cdf.locator('path.recharts-line-curve')).toHaveCount(1, { timeout: 60_000 });
    const svg = await download(page, () => cdf.getByRole('button', { name: 'SVG' }).click());
    const svgText = readFileSync(svg, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
    const png = await download(page, () => cdf.getByRole('button', { name: 'PNG' }).click());
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  } finally {
    await server.stop();
  }
});
