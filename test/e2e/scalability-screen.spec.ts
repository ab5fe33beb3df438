import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HeadroomServer } from './headroom-server.js';
import { ScalabilityPage } from './page-models/scalability-page.js';

const SAMPLE = 'samples/sample-postgres-oltp.headroom';

test('the sample load test: USL fit with its peak, a smaller κ raises X_max, the CPU queue now and in six months', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
  const workspace = join(dir, 'sample.headroom');
  copyFileSync(SAMPLE, workspace);
  const server = await HeadroomServer.start(workspace);
  try {
    const screen = new ScalabilityPage(page);
    await screen.open(server.url);
    await expect(page.getByTestId('scalability-inputs')).toContainText('read_qps + write_qps');
    await expect(page.getByTestId('scalability-inputs')).toContainText('8 cores');

    // σ, κ, λ with their intervals, and the peak.
    await expect(screen.usl.getByTestId('coefficient-sigma')).toContainText(/σ contention\s*0\.0\d+\s*0\.0\d+ – 0\.0\d+/);
    await expect(screen.usl.getByTestId('coefficient-kappa')).toContainText(/κ coherency\s*0\.000\d+/);
    await expect(screen.usl.getByTestId('coefficient-lambda')).toContainText(/λ one worker\s*\d+ QPS/);
    await expect(screen.usl.getByTestId('usl-peak')).toContainText(/^X_max 1\d,\d{3} QPS at N\* ≈ \d+\.\d/);
    await expect(screen.usl.getByTestId('usl-limited-by')).toContainText('coherency');
    // The chart has the 11 load-test points (one symbol each) and the fitted curve.
    await expect(screen.uslChart.locator('.recharts-scatter-symbol')).toHaveCount(11);
    await expect(screen.uslChart.locator('.recharts-line')).toHaveCount(1);
    await expect(screen.usl).not.toContainText(/NaN|undefined/);

    await expect(screen.timeline.getByTestId('timeline-sentence')).toContainText(/^Forecast peak load (reaches|does not reach) 80 % of X_max/);
    await expect(screen.queue.getByTestId('queue-sentence')).toContainText(/mean response grows from \d+(\.\d+)? ms to \d+(\.\d+)? ms \(P90 load: \d+(\.\d+)? ms\)/);
    await expect(screen.queue.getByTestId('queue-chart').locator('.recharts-reference-dot')).toHaveCount(4); // knee, now, P50, P90
    await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
    await screen.screenshot('sample');
    await screen.screenshot('usl', screen.usl);
    await screen.screenshot('queue', screen.queue);

    // Moving the κ slider down (less coherency cost) raises X_max and draws the what-if curve.
    const fitted = await screen.peakThroughput();
    expect(fitted).toBeGreaterThan(10_000);
    await screen.kappaSlider.focus();
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
    await screen.waitForAnalysis();
    await expect.poll(() => screen.peakThroughput(), { timeout: 30_000 }).toBeGreaterThan(fitted);
    await expect(screen.whatIfPeak).toContainText(/^What-if peak: X_max .* \(\+\d+(\.\d+)? % against the fit\)/);
    await expect(screen.uslChart.locator('.recharts-line')).toHaveCount(2);
    await screen.screenshot('whatif-slider');

    // Typing a still smaller κ raises it further; the timeline follows the new X_max.
    const afterSlider = await screen.peakThroughput();
    await screen.kappaInput.fill('0.0001');
    await screen.kappaInput.blur();
    await screen.waitForAnalysis();
    await expect.poll(() => screen.peakThroughput(), { timeout: 30_000 }).toBeGreaterThan(afterSlider);
    await expect(screen.kappaInput).toHaveValue('0.0001');
    await screen.screenshot('whatif-typed');

    // κ = 0: no peak, so the timeline does not apply — and says why rather than vanishing.
    await screen.kappaInput.fill('0');
    await screen.kappaInput.blur();
    await screen.waitForAnalysis();
    await expect(screen.whatIfPeak).toContainText('No peak with κ = 0: throughput approaches λ/σ');
    await expect(screen.timeline.getByTestId('section-error')).toContainText('The timeline not available: the model has no peak (κ = 0)');
    await expect(page.locator('main')).not.toContainText(/NaN|undefined|Infinity/);
    await screen.screenshot('whatif-no-peak');

    // Reset returns to the fit.
    await screen.whatIf.getByRole('button', { name: 'Reset to the fit' }).click();
    await screen.waitForAnalysis();
    await expect.poll(() => screen.peakThroughput(), { timeout: 30_000 }).toBeCloseTo(fitted, 6);
    await expect(screen.uslChart.locator('.recharts-line')).toHaveCount(1);
  } finally {
    await server.stop();
  }
});
