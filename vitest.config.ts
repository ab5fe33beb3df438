import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Unit, property and oracle tests sit beside the code they test; end-to-end tests
// (Playwright) live in test/e2e and run separately.
export default defineConfig({
  define: { __HEADROOM_VERSION__: JSON.stringify(version) },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'out/**', 'release/**', 'test/e2e/**', 'test/electron/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
