// `lockstep start`: one process serves the API and the web app (SPEC S8). Migrates, creates the demo
// workspace on the first start with an empty database, and shuts down gracefully on SIGTERM/SIGINT:
// in-flight requests, then jobs and outbox deliveries finish before the database closes.
import { DEMO_EMAIL, DEMO_PASSWORD } from '../../capabilities/workspaces/demo.js';
import { createApp, seedDemoIfEmpty } from '../../lockstep.js';
import { EXIT_FAILED, readConfig } from '../cli-error.js';
import { describeDatabase } from '../open-database.js';

/** How long a graceful shutdown may take before the process gives up waiting. */
const SHUTDOWN_GRACE_MS = 30_000;

export async function startCommand(): Promise<void> {
  const config = readConfig();
  const app = await createApp(config);
  let address: string;
  let demoCreated: boolean;
  try {
    demoCreated = config.demo && (await seedDemoIfEmpty(app.ctx.db)) !== null;
    address = await app.start();
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }

  const k = app.ctx.db.kysely;
  const hasDemo = demoCreated || (await k.selectFrom('workspaces').select('id').where('is_demo', '=', 1).limit(1).executeTakeFirst()) !== undefined;
  const hasAny = hasDemo || (await k.selectFrom('workspaces').select('id').limit(1).executeTakeFirst()) !== undefined;

  // With PORT=0 the system picks the port, so the configured URL would be wrong: show the real one.
  const url = config.port === 0 ? address : config.publicUrl;
  console.log(`\nLockstep is running at ${url}`);
  console.log(`Database: ${describeDatabase(config)}`);
  if (demoCreated) console.log(`Demo workspace created. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
  else if (hasDemo) console.log(`Demo sign-in: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
  else if (!hasAny) console.log('No workspace yet: sign up in the browser, or run `lockstep create-admin` or `lockstep seed-demo`.');
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error('Stopping now, without waiting for in-flight work.');
      process.exit(EXIT_FAILED);
    }
    stopping = true;
    app.ctx.log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const giveUp = setTimeout(() => {
      console.error(`Shutdown took longer than ${SHUTDOWN_GRACE_MS / 1000} s; stopping anyway.`);
      process.exit(EXIT_FAILED);
    }, SHUTDOWN_GRACE_MS);
    giveUp.unref();
    app.close().then(
      () => {
        console.log('Lockstep stopped.');
        process.exit(0);
      },
      (err: unknown) => {
        app.ctx.log.error({ err }, 'shutdown failed');
        process.exit(EXIT_FAILED);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
