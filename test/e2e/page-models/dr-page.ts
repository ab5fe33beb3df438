import { expect, type Locator, type Page } from '@playwright/test';

/** The DR screen, as the sign-off meeting sees it. */
export class DrPage {
  readonly results: Locator;
  readonly status: Locator;
  readonly planStatus: Locator;
  readonly editor: Locator;
  readonly issues: Locator;

  constructor(readonly page: Page) {
    this.results = page.getByTestId('dr-results');
    this.status = page.getByTestId('dr-status');
    this.planStatus = page.getByTestId('dr-plan-status');
    this.editor = page.getByTestId('dr-editor');
    this.issues = page.getByTestId('dr-issues');
  }

  /** Opens the launch URL (its fragment carries the token), then routes to #dr and waits for the simulation. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('link', { name: 'DR', exact: true })).toBeVisible();
    await this.page.evaluate(() => (window.location.hash = '#dr'));
    await this.waitSimulated();
  }

  async waitSimulated(): Promise<void> {
    await expect(this.results).toBeVisible({ timeout: 60_000 });
    await expect(this.status).toHaveCount(0, { timeout: 60_000 });
  }

  scenario(id: string): Locator {
    return this.results.locator(`tbody[data-scenario="${id}"]`);
  }

  async tab(name: 'Results' | 'Plan'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** A field of the plan editor by its path, e.g. `restore.baseGiBPerHour`. */
  field(path: string): Locator {
    return this.editor.locator(`[data-field="${path}"]`);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
