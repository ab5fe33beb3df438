import { defineConfig } from '@playwright/test';

// Desktop tests: Playwright's Electron driver against the real app. They skip themselves,
// with a message, where no Electron binary could be installed (see electron.spec.ts).
export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
