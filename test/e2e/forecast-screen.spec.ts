import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';
import { ForecastPage } from './page-models/forecast-page.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';

test('forecasts a sample series with bands, the model and why, and its backtest', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
  const workspace = join(dir, 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  const server = await HeadroomServer.start(workspace);
  try {
    const forecast = new ForecastPage(page);
    await forecast.open(server.url, 'cpu_pct');
    await expect(page.getByRole('link', { name: 'Forecast' })).toHaveAttribute('aria-current', 'page');
    await expect(forecast.reason).toContainText('chosen: MASE');
    await expect(forecast.backtest).toContainText('Inside the 95 % interval');
    // Both bands are drawn (80 % inside 95 %), and the forecast line.
    await expect(forecast.chart.locator('.recharts-area')).toHaveCount(2);
    await expect(page.getByTestId('data-notes')).toContainText('structural break');
    await forecast.screenshot('forecast-cpu-auto');

    // Peaks instead of averages, a model chosen by hand.
    await page.getByRole('button', { name: 'P95 peaks' }).click();
    await forecast.waitForForecast();
    await forecast.choose('Model', 'linear');
    await expect(forecast.reason).toHaveText('Linear trend chosen by hand');
    await expect(forecast.model).toContainText('Linear trend');

    // Storage over 18 months, with a saved scenario compared to the baseline.
    await page.getByLabel('Series', { exact: true }).selectOption('storage_used_gib');
    await forecast.waitForForecast();
    await forecast.choose('Horizon', '18mo');
    await page.getByRole('button', { name: 'Add change' }).click();
    await page.getByLabel('Change 1 kind').selectOption('one-off');
    await page.getByLabel('Change 1 amount').fill('500');
    await page.getByLabel('Scenario name').fill('Tenant migration');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await forecast.waitForForecast();
    await expect(page.getByTestId('scenario-comparison')).toContainText('Tenant migration');
    await expect(page.getByLabel('Apply Tenant migration')).toBeChecked();
    await forecast.screenshot('forecast-storage-scenario');
  } finally {
    await server.stop();
  }

  // The scenario was saved in the workspace file: it is there after a restart.
  const again = await HeadroomServer.start(workspace);
  try {
    const forecast = new ForecastPage(page);
    await forecast.open(again.url, 'storage_used_gib');
    await expect(page.getByTestId('scenario-panel')).toContainText('Tenant migration');
  } finally {
    await again.stop();
  }
});
