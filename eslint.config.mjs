// One lint for the whole tree (`npm run lint`, run by scripts/test.sh before jest). Rules are chosen for the bugs
// they catch, not for style: the type-aware promise rules (a forgotten await loses an error or a transaction),
// stringification of objects into messages, dead variables, hooks called out of order. What the compiler already
// checks (strict mode, unused locals in web/) is not repeated here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unusedVars = ['error', {
  argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true, // `const { secret: _, ...rest } = row` is how a field is dropped
}];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'var/**', '.tools/**', 'test-output/**', 'coverage/**', 'web/src/api/schema.d.ts'] },

  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      // each file is checked with its own tsconfig: the root one for the server, web/tsconfig.json for the console
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // the ideographic space (U+3000) lays out Chinese documents and forms on purpose
      'no-irregular-whitespace': ['error', { skipTemplates: true, skipStrings: true }],
      // antd's onClick/onFinish accept an async handler; what matters elsewhere is a promise where a boolean is read
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'], // a returned promise escapes its try/catch
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-base-to-string': 'error', // '[object Object]' in a message a clerk reads
      '@typescript-eslint/restrict-template-expressions': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-unused-vars': unusedVars,
      'no-template-curly-in-string': 'error', // '${x}' in plain quotes prints the placeholder
      'no-self-compare': 'error',
      'no-unreachable-loop': 'error',
      eqeqeq: ['error', 'smart'],
      // style, or already the compiler's job
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },

  // the server logs through pino, whose redaction keeps ID numbers and tokens out of the log; console.* bypasses it
  {
    files: ['src/**/*.ts', 'activities/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['src/main.ts', 'src/worker.ts', 'src/**/*.main.ts', 'src/platform-simulator/main.ts'],
    rules: { 'no-console': 'error' },
  },

  // Workflow code must stay deterministic: it may import workflow-safe modules and activity *types* only.
  {
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../activities', '../activities/*', '../src/*', '../src'], allowTypeImports: true,
              message: 'Workflows may import activity and service *types* only (import type).' },
            { group: ['@nestjs/*', 'typeorm', 'pg', 'ioredis', 'bullmq', 'axios', 'node:*', 'fs', 'crypto', 'chinese-days', 'class-*'],
              message: 'Workflow code must not do I/O or load Node/Nest modules: put it in an activity.' },
          ],
        },
      ],
    },
  },

  // the console: the rules of hooks and the React Compiler's checks (refs read in render, state set in an effect)
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },

  // plain ES modules run by node: the browser suite, the API-types renderer
  {
    files: ['web/e2e/**/*.mjs', 'scripts/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-unused-vars': unusedVars },
  },
);
