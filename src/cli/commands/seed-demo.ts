// `lockstep seed-demo`: builds the demo workspace (SPEC S8) on demand, once unless forced.
// --size 10x and --size large build the benchmark workspaces "Northwind Analytics (10x)" and "… (large)" next
// to the demo (decisions 022 and 024).
import { DEMO_EMAIL, DEMO_PASSWORD } from '../../capabilities/workspaces/demo.js';
import { seedDemo } from '../../lockstep.js';
import { DEMO_SIZES, SCALED_DEMOS, type DemoSize } from '../../shared/contracts/demo.js';
import { CliError, readConfig } from '../cli-error.js';
import { describeDatabase, withDatabase } from '../open-database.js';
import { migrateBeforeWriting } from './migrate.js';

function parseSize(size: string | undefined): DemoSize {
  const s = size ?? 'demo';
  if ((DEMO_SIZES as readonly string[]).includes(s)) return s as DemoSize;
  throw new CliError(`--size must be one of ${DEMO_SIZES.join(', ')}, not "${s}".`);
}

export async function seedDemoCommand(opts: { force?: boolean; size?: string }): Promise<void> {
  const size = parseSize(opts.size);
  const config = readConfig();
  await withDatabase(config, async (db) => {
    await migrateBeforeWriting(db);
    // Each size is refused once it exists: a scaled workspace goes by its name, the demo is any other.
    const scaledNames = Object.values(SCALED_DEMOS).map((d) => d.workspaceName);
    const existing = await db.kysely
      .selectFrom('workspaces')
      .select(['name', 'created_at'])
      .where('is_demo', '=', 1)
      .where((eb) => (size === 'demo' ? eb('name', 'not in', scaledNames) : eb('name', '=', SCALED_DEMOS[size].workspaceName)))
      .orderBy('created_at')
      .executeTakeFirst();
    const flag = size === 'demo' ? '' : ` --size ${size}`;
    if (existing && !opts.force) {
      throw new CliError(
        `A ${size === 'demo' ? '' : `${size} `}demo workspace already exists ("${existing.name}", created ${existing.created_at.slice(0, 10)}), so nothing was changed.\n` +
          `Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}, or run \`lockstep seed-demo${flag} --force\` to add another demo workspace.`,
      );
    }
    const started = performance.now();
    const demo = await seedDemo(db, { size });
    const seconds = (performance.now() - started) / 1000;
    const ws = await db.kysely.selectFrom('workspaces').select('name').where('id', '=', demo.workspaceId).executeTakeFirstOrThrow();
    const count = async (table: 'kpi_values' | 'meetings' | 'action_items', where?: 'held') => {
      let q = db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).where('workspace_id', '=', demo.workspaceId);
      if (where === 'held' && table === 'meetings') q = q.where('status', '=', 'held');
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const [values, meetings, held, items] = [await count('kpi_values'), await count('meetings'), await count('meetings', 'held'), await count('action_items')];
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(
      `Created the demo workspace "${ws.name}" with ${n(demo.people.length)} members, ${n(values)} KPI values, ${n(meetings)} meetings (${n(held)} held) and ${n(items)} action items ` +
        `in ${describeDatabase(config)} in ${seconds.toFixed(1)} s.`,
    );
    console.log(`Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD} (every demo person <name>@northwind.example has that password).`);
  });
}
