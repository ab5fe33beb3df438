import { expect, type Locator, type Page } from '@playwright/test';

/** The Forecast screen as a user sees it: by role, label and test id. */
export class ForecastPage {
  readonly chart: Locator;
  readonly model: Locator;
  readonly reason: Locator;
  readonly backtest: Locator;
  readonly status: Locator;
  readonly scenarioEditor: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('forecast-chart');
    this.model = page.getByTestId('forecast-model');
    this.reason = page.getByTestId('forecast-reason');
    this.backtest = page.getByTestId('backtest-table');
    this.status = page.getByTestId('forecast-status');
    this.scenarioEditor = page.getByTestId('scenario-editor');
  }

  async open(url: string, series: string): Promise<void> {
    // The launch URL's fragment carries the access token; the app keeps it, then routes by fragment.
    await this.page.goto(url);
    await expect(this.page.getByRole('link', { name: 'Forecast' })).toBeVisible();
    await this.page.evaluate((hash) => (window.location.hash = hash), `#forecast/${encodeURIComponent(series)}`);
    await this.waitForForecast();
  }

  /** Waits until no forecast is computing and one is shown. */
  async waitForForecast(): Promise<void> {
    await expect(this.model).toBeVisible({ timeout: 60_000 });
    await expect(this.status).toHaveCount(0, { timeout: 60_000 });
  }

  async choose(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
    await this.waitForForecast();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
