// Lint: typescript-eslint's recommended rules as errors, no `any`, and the import direction of STYLE.md:
// capability domain code imports no I/O (no db, server, Fastify, Kysely).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'data/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Migrations are typed Kysely<any> on purpose: they describe the schema as it was, not as it is now.
    files: ['src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/capabilities/*/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/**', '**/server/**', 'kysely', 'fastify', 'pg', 'better-sqlite3', '**/store.js', '**/routes*'], message: 'Domain code is pure: no I/O, no Kysely, no Fastify (STYLE.md).' },
          ],
        },
      ],
    },
  },
);
