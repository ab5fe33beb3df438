import { expect, type Locator, type Page } from '@playwright/test';

/** The Scalability screen, as a user sees it (page-model pattern, as the other screens' e2e models). */
export class ScalabilityPage {
  readonly usl: Locator;
  readonly uslChart: Locator;
  readonly whatIf: Locator;
  readonly latency: Locator;
  readonly timeline: Locator;
  readonly queue: Locator;
  readonly status: Locator;
  readonly kappaSlider: Locator;
  readonly kappaInput: Locator;
  readonly whatIfPeak: Locator;

  constructor(readonly page: Page) {
    this.usl = page.getByTestId('usl-panel');
    this.uslChart = page.getByTestId('usl-chart');
    this.whatIf = page.getByTestId('whatif-panel');
    this.latency = page.getByTestId('latency-panel');
    this.timeline = page.getByTestId('timeline-panel');
    this.queue = page.getByTestId('queue-panel');
    this.status = page.getByTestId('scalability-status');
    this.kappaSlider = this.whatIf.getByRole('slider', { name: 'κ (coherency) slider' });
    this.kappaInput = this.whatIf.getByRole('spinbutton', { name: 'κ (coherency)' });
    this.whatIfPeak = page.getByTestId('whatif-peak');
  }

  /**
   * Opens the launch URL (its fragment carries the access token, which the app takes and
   * clears), then goes to `#scalability` as a bookmark would, and waits for the analysis.
   */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('link', { name: 'Scalability' })).toBeVisible();
    await this.page.evaluate(() => {
      window.location.hash = '#scalability';
    });
    await expect(this.page.getByRole('heading', { name: 'Scalability', level: 1 })).toBeVisible();
    await this.waitForAnalysis();
  }

  /** Waits until the last requested analysis is on screen (no computation running). */
  async waitForAnalysis(): Promise<void> {
    await expect(this.usl).toBeVisible({ timeout: 60_000 });
    await expect(this.status).toHaveCount(0, { timeout: 60_000 });
    await expect(this.whatIf.getByText('recomputing…')).toHaveCount(0, { timeout: 60_000 });
  }

  /** X_max of the model in use (the what-if when coefficients are overridden), as a number. */
  async peakThroughput(): Promise<number> {
    return Number(await this.whatIfPeak.getAttribute('data-value'));
  }

  async screenshot(name: string, region?: Locator): Promise<void> {
    const path = `test-results/screenshots/scalability-${name}.png`;
    if (region === undefined) {
      await this.page.evaluate(() => window.scrollTo(0, 0));
      await this.page.screenshot({ path, fullPage: true });
    } else await region.screenshot({ path });
  }
}
