// Lint: typescript-eslint's recommended rules as errors, no `any`, and the import direction of STYLE.md:
// capability domain code imports no I/O (no db, server, Fastify, Kysely); the kernel (src/server, src/db,
// src/shared) imports no room; a room reaches another room only through its index.ts; src/shared is pure.
import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SRC = resolve(import.meta.dirname, 'src');

/** Where a file sits: a room (its name), the kernel ('kernel', 'shared' for the pure part), or outside both. */
function layerOf(file) {
  const rel = relative(SRC, file).split(sep);
  if (rel[0] === '..') return { kind: 'outside' };
  if (rel[0] === 'capabilities') return rel.length > 2 ? { kind: 'room', room: rel[1], path: rel.slice(2).join('/') } : { kind: 'composition' };
  if (rel[0] === 'shared') return { kind: 'shared' };
  if (rel[0] === 'server' || rel[0] === 'db') return { kind: 'kernel' };
  return { kind: 'outside' };
}

/** STYLE "How rooms meet", as a rule: the direction of every relative import under src/. */
const roomBoundaries = {
  meta: { type: 'problem', schema: [], docs: { description: 'Rooms meet only through the kernel contracts and each other\'s index.ts.' } },
  create(context) {
    const from = layerOf(context.filename);
    if (from.kind === 'outside' || from.kind === 'composition') return {};
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(resolve(dirname(context.filename), spec));
      if ((from.kind === 'kernel' || from.kind === 'shared') && to.kind === 'room') {
        context.report({ node: node.source, message: `The kernel imports no room (${spec}): declare what it needs on Capability (src/server/capability.ts) or move it to src/shared.` });
      } else if (from.kind === 'shared' && to.kind === 'kernel') {
        context.report({ node: node.source, message: `src/shared is pure and imports neither src/server nor src/db (${spec}).` });
      } else if (from.kind === 'room' && to.kind === 'room' && to.room !== from.room && !/^index\.(js|ts)$/.test(to.path)) {
        context.report({ node: node.source, message: `A room reaches another only through its public face: import ../${to.room}/index.js, or ask through a kernel contract (${spec}).` });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

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
    files: ['src/**/*.ts'],
    plugins: { lockstep: { rules: { 'room-boundaries': roomBoundaries } } },
    rules: { 'lockstep/room-boundaries': 'error' },
  },
  {
    files: ['src/capabilities/*/domain/**', 'src/shared/**'],
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
