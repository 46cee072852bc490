// @ts-check
import tseslint from 'typescript-eslint';

const ioModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'dgram', 'child_process', 'http2', 'tls'].flatMap(
  (m) => [m, `node:${m}`],
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'reports/**', 'test-results/**', 'playwright-report/**', '**/*.schema.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test runs describe/it itself; their promises are not for the test file to await.
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The wire model is pure: no I/O and nothing else of dmct (design.md, "Dependencies").
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'src/protocol is pure: no I/O.' })),
          patterns: [
            {
              group: ['**/cli/**', '**/harness/**', '**/reference/**', '**/report/**', '**/scr/**', '**/suites/**', '**/fixtures/**'],
              message: 'src/protocol imports nothing else of dmct.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scenarios see the harness only through fixtures/.
    files: ['suites/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/*', '**/src/**'], message: 'suites/ import fixtures/ only.' }] },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
