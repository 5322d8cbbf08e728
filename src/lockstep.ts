// The composition root (STYLE "How rooms meet"): the one place that knows both the kernel and every room. It
// hands the rooms (src/capabilities/index.ts) to the kernel's app factory and builds the demo workspace from
// them. The CLI, the tests and the benchmarks start Lockstep from here.
import { capabilities } from './capabilities/index.js';
import { seedDemoPeople } from './capabilities/workspaces/index.js';
import type { Database } from './db/database.js';
import { createApp as createKernelApp, type App, type CreateAppOptions } from './server/app.js';
import type { Config } from './server/config.js';
import { claimJobRun } from './server/jobs.js';
import type { DemoContext, DemoSize } from './shared/contracts/demo.js';

export type { App };

/** Lockstep with every room. */
export function createApp(config: Config, opts: Omit<CreateAppOptions, 'capabilities'> = {}): Promise<App> {
  return createKernelApp(config, { ...opts, capabilities });
}

/**
 * Builds the demo workspace (SPEC S8): the people first, then each room's part, in one transaction.
 * size 'demo' (the default) is the small story workspace; '10x' and 'large' are the benchmark workspaces
 * (decisions 022 and 024).
 */
export async function seedDemo(db: Database, opts: { size?: DemoSize; now?: Date } = {}): Promise<DemoContext> {
  const now = opts.now ?? new Date();
  const size = opts.size ?? 'demo';
  return db.transaction(async (tx) => {
    const demo = await seedDemoPeople(tx, now, size);
    for (const c of capabilities) await c.seedDemo?.(tx, demo);
    return demo;
  });
}

/** First start with an empty database creates the demo workspace. */
export async function seedDemoIfEmpty(db: Database, instance = 'start'): Promise<DemoContext | null> {
  const existing = await db.kysely.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  // Several instances may start together on an empty PostgreSQL database: the first to claim the
  // 'demo.seed' run creates the demo, the others go on without it.
  if (!(await claimJobRun(db.kysely, 'demo.seed', 'first-start', instance))) return null;
  return seedDemo(db);
}
