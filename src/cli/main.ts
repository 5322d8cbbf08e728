// The `lockstep` command (SPEC S8): start, migrate, seed-demo, create-admin, backup.
import { Command } from 'commander';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { seedDemoIfEmpty } from '../server/demo.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../capabilities/workspaces/demo.js';

const program = new Command('lockstep').description('Lockstep: sales and marketing, in step.');

program
  .command('start')
  .description('Migrate the database, create the demo workspace on first start, and serve the API and web app.')
  .action(async () => {
    const config = loadConfig();
    const app = await createApp(config);
    const demo = config.demo ? await seedDemoIfEmpty(app.ctx.db) : null;
    await app.start();
    const url = config.publicUrl;
    console.log(`\nLockstep is running at ${url}`);
    console.log(`Database: ${app.ctx.db.dialect}${config.database.kind === 'sqlite' ? ` (${config.database.path})` : ''}`);
    if (demo) console.log(`Demo workspace created. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
    else console.log(`Demo sign-in (if the demo workspace exists): ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.ctx.log.info({ signal }, 'shutting down');
      await app.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });

await program.parseAsync(process.argv);
