import { expect, type Locator, type Page } from '@playwright/test';

/** The Data screen, as a user sees it (page-model pattern, as in Actual's e2e suite). */
export class DataPage {
  readonly seriesTable: Locator;
  readonly charts: Locator;
  readonly importReport: Locator;
  readonly windowLabel: Locator;

  constructor(readonly page: Page) {
    this.seriesTable = page.getByTestId('series-table');
    this.charts = page.getByTestId('time-chart');
    this.importReport = page.getByTestId('import-report');
    this.windowLabel = page.getByTestId('window-label');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  }

  /** Chooses files through the page's file chooser (browser mode uploads them); the import dialog opens. */
  async chooseFiles(paths: readonly string[]): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles([...paths]);
    await expect(this.importDialog()).toBeVisible();
  }

  importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import files' });
  }

  /** Chooses files, waits for their preview, and imports them as detected. */
  async importFiles(paths: readonly string[]): Promise<void> {
    await this.chooseFiles(paths);
    await expect(this.importDialog().getByText('Reading…')).toHaveCount(0);
    await this.importDialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect(this.importDialog()).toBeHidden();
  }

  seriesRow(name: string): Locator {
    return this.seriesTable.locator('tbody tr').filter({ has: this.page.locator('td.name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  seriesNameCells(): Locator {
    return this.seriesTable.locator('tbody td.name');
  }

  /** The line paths recharts drew, as proof that a chart shows data. */
  linePaths(): Locator {
    return this.charts.locator('path.recharts-curve.recharts-line-curve');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
