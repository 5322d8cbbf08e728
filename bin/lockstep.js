#!/usr/bin/env node
// The `lockstep` command. Runs the compiled CLI; `npm run build` produces dist/.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('Lockstep is not built yet: run `npm run build` first (or `npm start`, which builds and starts).');
  process.exit(1);
}
await import(main.href);
