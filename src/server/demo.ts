// Builds the demo workspace (SPEC S8): the people first, then each capability's part, in one transaction.
import { capabilities } from '../capabilities/index.js';
import { seedDemoPeople, type DemoContext } from '../capabilities/workspaces/demo.js';
import type { Database } from '../db/database.js';
import { claimJobRun } from './jobs.js';

export async function seedDemo(db: Database, now = new Date()): Promise<DemoContext> {
  return db.transaction(async (tx) => {
    const demo = await seedDemoPeople(tx, now);
    for (const c of capabilities) await c.seedDemo?.(tx, demo);
    return demo;
  });
}

/** First start with an empty database creates the demo workspace. */
export async function seedDemoIfEmpty(db: Database, instance = 'start'): Promise<DemoContext | null> {
  const any = await db.kysely.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  // Several instances may start together on an empty PostgreSQL database: the first to claim the
  // 'demo.seed' run creates the demo, the others go on without it.
  if (!(await claimJobRun(db.kysely, 'demo.seed', 'first-start', instance))) return null;
  return seedDemo(db);
}
