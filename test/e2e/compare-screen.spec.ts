import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';
import { CatalogTab, ComparePage } from './page-models/compare-page.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';

function sampleCopy(): string {
  const workspace = join(mkdtempSync(join(tmpdir(), 'headroom-e2e-')), 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  return workspace;
}

test('the budget review: recommendation, options side by side, committed prices, a decision that survives a restart', async ({ page }) => {
  const workspace = sampleCopy();
  let server = await HeadroomServer.start(workspace);
  const configDir = server.configDir;
  try {
    const compare = new ComparePage(page);
    await compare.open(server.url);
    await expect(page.getByTestId('recommended-name')).toHaveText('Grow storage and scale up when needed');
    await expect(compare.recommendationCard).toContainText('growth −25 %');
    await expect(compare.recommendationCard).toContainText('growth +25 %');

    // Every kind of option, side by side.
    const kinds = await compare.optionsTable.getByTestId('option-kind').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['vertical', 'read replicas', 'sharding', 'storage', 'combination']));
    // An option that fails says until when it holds and which resource fails it.
    const stay = compare.optionRow('Stay on mem.2xlarge');
    await expect(stay).toContainText('✗ meets targets until 2027-');
    await expect(stay.getByTestId('failing-resource')).toContainText(/^Storage over its target from 2027-\d\d/);
    await expect(compare.optionRow('Grow storage when needed')).toContainText('2,700 GiB');
    await expect(compare.optionRow('Grow storage and scale up when needed')).toContainText('✓ meets every target');
    await expect(compare.costChart.locator('path.recharts-line-curve')).toHaveCount(8);
    await expect(compare.runwayMatrix.locator('tbody tr')).toHaveCount(8);
    await expect(compare.runwayMatrix.locator('td.cmp-heat-over').first()).toBeVisible();
    await expect(page.getByTestId('assumptions')).toContainText('σ =');
    await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
    await compare.screenshot('compare-sample');

    const onDemand = await compare.recommendedTotalValue();
    expect(onDemand).toBeGreaterThan(1000);
    await compare.choose('Prices', 'committed');
    await expect(page.getByTestId('compare-line')).toContainText('committed prices');
    const committed = await compare.recommendedTotalValue();
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(onDemand);
    await compare.choose('Horizon', '36 months');
    await expect(page.getByTestId('compare-line')).toContainText('36mo');
    await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
    await compare.screenshot('compare-committed-36mo');
    await compare.choose('Plan for', 'P50 load');
    await expect(page.getByTestId('compare-line')).toContainText('at P50 load');
    await expect(page.locator('main')).not.toContainText(/NaN|undefined/);

    // The decision, with its note, kept in the workspace.
    await expect(compare.decisionPanel).toContainText('No decision recorded yet');
    await expect(compare.decisionPanel.getByLabel('Chosen option')).toHaveValue('Grow storage and scale up when needed');
    await compare.decisionPanel.getByLabel('Decided by').fill('Budget review 2026-Q4');
    await compare.decisionPanel.getByLabel('Decision note').fill('Storage first; revisit the instance size in the 2027 review.');
    await compare.decisionPanel.getByRole('button', { name: 'Save decision' }).click();
    const saved = compare.decisionPanel.getByTestId('saved-decision');
    await expect(saved).toContainText('Decided: Grow storage and scale up when needed');
    await expect(saved).toContainText('by Budget review 2026-Q4 on 20');
    await expect(saved).toContainText('revisit the instance size');
    await compare.decisionPanel.scrollIntoViewIfNeeded();
    await compare.screenshot('compare-decision');

    await server.stop();
    server = await HeadroomServer.start(workspace, configDir);
    await compare.open(server.url);
    await expect(compare.decisionPanel.getByTestId('saved-decision')).toContainText('Storage first; revisit the instance size in the 2027 review.');
    await expect(compare.decisionPanel.getByTestId('saved-decision')).toContainText('Budget review 2026-Q4');
  } finally {
    await server.stop();
  }
});

test('the instance catalog: exported as CSV, a price edited and saved, a bad CSV refused with its line and column', async ({ page }) => {
  const workspace = sampleCopy();
  let server = await HeadroomServer.start(workspace);
  const configDir = server.configDir;
  try {
    const catalog = new CatalogTab(page);
    await catalog.open(server.url);
    await expect(page.getByTestId('price-note')).toContainText('Sample prices for illustration only');
    await expect(page.getByTestId('prices-as-of')).toHaveText('2026-11-01');
    await expect(catalog.table.locator('tbody tr')).toHaveCount(14);
    await catalog.screenshot('catalog-sample');

    const downloading = page.waitForEvent('download');
    await catalog.editor.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('instance-catalog.csv');
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\n')[0]).toBe('provider,instance_class,vcpu,memory_gib,storage_type,max_storage_gib,max_iops,max_throughput_mibps,network_gbps,max_connections,on_demand_per_hour,committed_per_hour,storage_per_gib_month,iops_per_month,currency,price_note,prices_as_of');
    expect(csv).toContain('mem.2xlarge');

    // A number that is not one is caught as typed; Save waits until it is fixed.
    const price = catalog.cell('On-demand /h', 'mem.2xlarge');
    await price.fill('1,2 USD');
    await expect(page.getByTestId('catalog-problems')).toContainText('mem.2xlarge), On-demand /h');
    await expect(catalog.editor.getByRole('button', { name: 'Save catalog' })).toBeDisabled();
    await catalog.screenshot('catalog-invalid');
    await price.fill('1.234');
    await expect(page.getByTestId('catalog-problems')).toHaveCount(0);
    // A new row, then deleted again; the edit stays.
    await catalog.editor.getByRole('button', { name: 'Add a row' }).click();
    await expect(catalog.table.locator('tbody tr')).toHaveCount(15);
    await catalog.editor.getByRole('button', { name: 'Delete row 15' }).click();
    await catalog.editor.getByRole('button', { name: 'Save catalog' }).click();
    await expect(catalog.message).toHaveText('Saved 14 instances.');
    await expect(catalog.cell('On-demand /h', 'mem.2xlarge')).toHaveValue('1.234');

    // A CSV with a bad cell: the backend's message names the line and the column, nothing changes.
    await page.getByTestId('catalog-import-input').setInputFiles({
      name: 'bad-catalog.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${csv.split('\n')[0]}\nExampleCloud,x.large,four,8,ssd,100,1000,100,10,100,0.1,0.05,0.1,0.02,USD,note,2026-11-01\n`),
    });
    await expect(catalog.message).toContainText("bad-catalog.csv: catalog CSV: line 2, column vcpu: 'four' is not a number");
    await catalog.screenshot('catalog-bad-import');

    await server.stop();
    server = await HeadroomServer.start(workspace, configDir);
    await catalog.open(server.url);
    await expect(catalog.cell('On-demand /h', 'mem.2xlarge')).toHaveValue('1.234');
    await expect(catalog.table.locator('tbody tr')).toHaveCount(14);
  } finally {
    await server.stop();
  }
});
