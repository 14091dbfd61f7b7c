// ESLint for every workspace: `npm run lint` (part of `npm test`).
// typescript-eslint's recommended rules without type information, so a run
// takes seconds; React's hook rules for the two React apps.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Built output, generated snapshots and fixtures are not source.
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/__snapshots__/**', '**/coverage/**', 'apps/web/test-results/**', '.stryker-tmp/**', 'reports/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Matching control characters is the point in several places: terminal escape codes, and text sanitised for display.
      'no-control-regex': 'off',
      // A report writer's steps are generators of text (report/writer.ts); some steps write nothing.
      'require-yield': 'off',
    },
  },
  {
    // CommonJS files (a preload script for `node -r`) load modules with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}', 'apps/tui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
