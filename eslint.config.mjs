// Workflow code must stay deterministic: it may import workflow-safe modules and activity *types* only.
import tseslint from 'typescript-eslint';

export default tseslint.config({
  files: ['workflows/**/*.ts'],
  ignores: ['**/*.spec.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { '@typescript-eslint': tseslint.plugin },
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
});
