// `lockstep seed-demo`: builds the demo workspace (SPEC S8) on demand, once unless forced.
import { DEMO_EMAIL, DEMO_PASSWORD } from '../../capabilities/workspaces/demo.js';
import { seedDemo } from '../../lockstep.js';
import { CliError, readConfig } from '../cli-error.js';
import { describeDatabase, withDatabase } from '../open-database.js';
import { migrateBeforeWriting } from './migrate.js';

export async function seedDemoCommand(opts: { force?: boolean }): Promise<void> {
  const config = readConfig();
  await withDatabase(config, async (db) => {
    await migrateBeforeWriting(db);
    const existing = await db.kysely
      .selectFrom('workspaces')
      .select(['name', 'created_at'])
      .where('is_demo', '=', 1)
      .orderBy('created_at')
      .executeTakeFirst();
    if (existing && !opts.force) {
      throw new CliError(
        `A demo workspace already exists ("${existing.name}", created ${existing.created_at.slice(0, 10)}), so nothing was changed.\n` +
          `Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}, or run \`lockstep seed-demo --force\` to add another demo workspace.`,
      );
    }
    const demo = await seedDemo(db);
    const ws = await db.kysely.selectFrom('workspaces').select('name').where('id', '=', demo.workspaceId).executeTakeFirstOrThrow();
    console.log(`Created the demo workspace "${ws.name}" with ${demo.people.length} people in ${describeDatabase(config)}.`);
    console.log(`Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD} (every demo person <first name>@northwind.example has that password).`);
  });
}
