// Lint rules, including the layer boundaries of DESIGN.md §2:
// shared/ imports nothing of ours and no Node or DOM modules; renderer/ imports only shared/;
// backend/ never imports hosts or the UI. The tsconfig per layer enforces the globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const forbid = (...others) =>
  others.map((layer) => ({ group: [`**/${layer}/**`, `../${layer}/*`, `../../${layer}/*`, `../../../${layer}/*`], message: `this layer may not import ${layer}/ (DESIGN.md §2)` }));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', 'test-results/', 'playwright-report/', 'bench/.work/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...forbid('backend', 'renderer', 'electron', 'cli'), { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'electron', 'react', 'react-dom', 'recharts'], message: 'shared/ is the pure engine: no I/O, no DOM, no Node (DESIGN.md §2)' }] }],
    },
  },
  {
    files: ['backend/**/*.ts'],
    ignores: ['backend/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...forbid('renderer', 'electron', 'cli'), { group: ['electron', 'react', 'recharts'], message: 'backend/ runs under plain Node' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...forbid('backend', 'electron', 'cli'), { group: ['node:*', 'fs', 'path', 'better-sqlite3', 'electron'], message: 'renderer/ talks to the backend only through the contract' }] }],
    },
  },
  {
    files: ['electron/preload*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...forbid('backend', 'renderer', 'cli')] }] },
  },
  {
    // Tests may assert presence with `!`: a wrong guess fails the test, which is the point.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.{js,mjs}', 'bin/headroom'],
    languageOptions: { globals: globals.node },
  },
);
