// Builds the demo workspace (SPEC S8): the people first, then each capability's part, in one transaction.
import { capabilities } from '../capabilities/index.js';
import { seedDemoPeople, type DemoContext } from '../capabilities/workspaces/demo.js';
import type { Database } from '../db/database.js';

export async function seedDemo(db: Database, now = new Date()): Promise<DemoContext> {
  return db.transaction(async (tx) => {
    const demo = await seedDemoPeople(tx, now);
    for (const c of capabilities) await c.seedDemo?.(tx, demo);
    return demo;
  });
}

/** First start with an empty database creates the demo workspace. */
export async function seedDemoIfEmpty(db: Database): Promise<DemoContext | null> {
  const any = await db.kysely.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return seedDemo(db);
}
