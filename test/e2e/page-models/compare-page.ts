import { expect, type Locator, type Page } from '@playwright/test';

/** The Compare screen, as the budget review sees it (page-model pattern, as in Actual's e2e suite). */
export class ComparePage {
  readonly recommendationCard: Locator;
  readonly recommendedTotal: Locator;
  readonly optionsTable: Locator;
  readonly costChart: Locator;
  readonly runwayMatrix: Locator;
  readonly decisionPanel: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.recommendationCard = page.getByTestId('recommendation-card');
    this.recommendedTotal = page.getByTestId('recommended-total');
    this.optionsTable = page.getByTestId('options-table');
    this.costChart = page.getByTestId('cost-chart');
    this.runwayMatrix = page.getByTestId('runway-matrix');
    this.decisionPanel = page.getByTestId('decision-panel');
    this.status = page.getByTestId('compare-status');
  }

  /** Opens the launch URL (its fragment carries the token), then routes to #compare and waits for the comparison. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('link', { name: 'Compare' })).toBeVisible();
    await this.page.evaluate(() => (window.location.hash = '#compare'));
    await this.waitComputed();
  }

  async waitComputed(): Promise<void> {
    await expect(this.recommendationCard).toBeVisible({ timeout: 60_000 });
    await expect(this.status).toHaveCount(0, { timeout: 60_000 });
  }

  optionRow(name: string): Locator {
    return this.optionsTable.locator(`tbody tr[data-option="${name}"]`);
  }

  /** The recommended option's total, as a number. */
  async recommendedTotalValue(): Promise<number> {
    const text = (await this.recommendedTotal.textContent()) ?? '';
    return Number(text.replace(/[^\d.]/g, ''));
  }

  async choose(group: 'Horizon' | 'Plan for' | 'Prices', button: string): Promise<void> {
    await this.page.getByRole('group', { name: group }).getByRole('button', { name: button, exact: true }).click();
    await this.waitComputed();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}

/** The "Instance catalog" tab of the Data screen. */
export class CatalogTab {
  readonly editor: Locator;
  readonly table: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('catalog-editor');
    this.table = page.getByTestId('catalog-table');
    this.message = page.getByTestId('catalog-message');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    // The chart above the tabs loads after the series list and moves the tabs down: click
    // once the page has settled, and again if the click landed during the move.
    await expect(this.page.getByTestId('series-table').locator('tbody tr').first()).toBeVisible();
    await expect(async () => {
      await this.page.getByRole('tab', { name: 'Instance catalog' }).click();
      await expect(this.table.locator('tbody tr').first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  }

  cell(label: string, instanceClass: string): Locator {
    return this.table.getByLabel(`${label} of ${instanceClass}`, { exact: true });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
