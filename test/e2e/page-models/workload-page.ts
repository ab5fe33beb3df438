import { expect, type Locator, type Page } from '@playwright/test';

/** The Workload screen, as a user sees it (page-model pattern, as in Actual's e2e suite). */
export class WorkloadPage {
  readonly headlines: Locator;
  readonly cycles: Locator;
  readonly peaks: Locator;
  readonly heatmap: Locator;
  readonly heatmapCells: Locator;
  readonly growth: Locator;
  readonly outliers: Locator;
  readonly queryMix: Locator;
  readonly picker: Locator;

  constructor(readonly page: Page) {
    this.headlines = page.getByTestId('workload-headlines');
    this.cycles = page.getByTestId('cycles-panel');
    this.peaks = page.getByTestId('peaks-panel');
    this.heatmap = page.getByTestId('heatmap');
    this.heatmapCells = this.heatmap.getByTestId('heatmap-cell');
    this.growth = page.getByTestId('growth-panel');
    this.outliers = page.getByTestId('outliers-panel');
    this.queryMix = page.getByTestId('querymix-panel');
    this.picker = page.getByTestId('series-picker');
  }

  /**
   * Opens the launch URL (its fragment carries the access token, which the app takes and
   * clears), then goes to `#workload` or `#workload/<series>` as a bookmark would.
   */
  async goto(url: string, series?: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    const hash = series === undefined ? '#workload' : `#workload/${encodeURIComponent(series)}`;
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await expect(this.page.getByRole('heading', { name: 'Workload', level: 1 })).toBeVisible();
  }

  /** Opens the screen on a series and waits for its analysis. */
  async open(url: string, series?: string): Promise<void> {
    await this.goto(url, series);
    await this.waitForAnalysis();
  }

  /** Waits until the summary of the chosen series is shown (no "Analysing…" left). */
  async waitForAnalysis(): Promise<void> {
    await expect(this.page.getByTestId('workload-loading')).toHaveCount(0, { timeout: 30_000 });
    await expect(this.headlines).toBeVisible();
  }

  async chooseSeries(name: string): Promise<void> {
    await this.picker.selectOption(name);
    await expect(this.page).toHaveURL(new RegExp(`#workload/${encodeURIComponent(name)}$`));
    await this.waitForAnalysis();
  }

  /** A cycle's row: `daily`, `weekly` or `other`. */
  cycle(name: 'daily' | 'weekly' | 'other'): Locator {
    return this.cycles.getByTestId(`cycle-${name}`);
  }

  topStatementRows(): Locator {
    return this.queryMix.getByTestId('top-statements').locator('tbody tr');
  }

  async screenshot(name: string, region?: Locator): Promise<void> {
    const path = `test-results/screenshots/${name}.png`;
    // From the top, so that sticky table headers sit on their tables in a full-page shot.
    if (region === undefined) {
      await this.page.evaluate(() => window.scrollTo(0, 0));
      await this.page.screenshot({ path, fullPage: true });
    }
    else await region.screenshot({ path });
  }
}
