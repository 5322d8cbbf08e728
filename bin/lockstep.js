#!/usr/bin/env node
// The `lockstep` command. Runs the compiled CLI; `npm run build` produces dist/.
import('../dist/cli/main.js');
