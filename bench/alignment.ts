// The alignment score's cold computation (issue 14): every room's signals read and the score computed for one
// workspace — what GET /alignment does on a read-cache miss, the weekly job per workspace and the agenda's to-dos —
// against one aggregate scan of the same workspace's deals (count, sum and average amount by status), as a ratio
// measured in the same process, so the machine's speed divides out. Not a test: nothing is asserted.
//
//   npm run bench:alignment                            # the demo workspace on SQLite
//   npm run bench:alignment -- --size large --runs 20  # the large benchmark workspace (seeding takes minutes)
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:alignment -- --db postgres
//
// Target (bench/targets.ts): cold score ≤ MAX_ALIGNMENT_COLD_RATIO × the deals scan. GET /alignment itself is a
// figure of `npm run bench` (≥ its own floor ratio on the large workspace).
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createApp, seedDemo } from '../src/lockstep.js';
import { testConfig, type DatabaseConfig } from '../src/server/config.js';
import { dropPostgresSchema } from '../src/db/database.js';
import { alignmentNow } from '../src/capabilities/alignment/score-now.js';
import { SCALED_DEMOS, type DemoSize } from '../src/shared/contracts/demo.js';
import { MAX_ALIGNMENT_COLD_RATIO } from './targets.js';

const option = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const size = option('size', 'demo') as DemoSize;
const runs = Number(option('runs', '30'));
const kind = option('db', 'sqlite');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const suffix = randomBytes(4).toString('hex');
  const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const path = join(tmpdir(), `lockstep-bench-alignment-${suffix}.sqlite`);
  const database: DatabaseConfig = kind === 'postgres' ? { kind: 'postgres', url: pgUrl, schema: `bench_${suffix}` } : { kind: 'sqlite', path };
  const app = await createApp(testConfig({ database }));
  try {
    console.log(`seeding the ${size} workspace on ${kind} …`);
    const demo = await seedDemo(app.ctx.db, { size });
    const name = size === 'demo' ? null : SCALED_DEMOS[size].workspaceName;
    const ws = name ? await app.ctx.db.kysely.selectFrom('workspaces').select('id').where('name', '=', name).executeTakeFirstOrThrow() : { id: demo.workspaceId };
    const deps = { db: app.ctx.db.kysely, log: app.ctx.log, providers: () => app.ctx.alignmentSignals };
    const deals = await app.ctx.db.kysely.selectFrom('deals').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
    const scan = () =>
      app.ctx.db.kysely
        .selectFrom('deals')
        .select(['status', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('amount').as('total'), sql`avg(amount)`.as('mean')])
        .where('workspace_id', '=', ws.id)
        .groupBy('status')
        .execute();
    const time = async (fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    // One unmeasured round of each (prepared statements, page cache), then alternating runs.
    await scan();
    await alignmentNow(deps, ws.id);
    const scans: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < runs; i++) {
      scans.push(await time(scan));
      scores.push(await time(() => alignmentNow(deps, ws.id)));
    }
    const ratio = median(scores) / median(scans);
    console.log(`deals in the workspace: ${Number(deals.n).toLocaleString('en-US')}; ${runs} runs each`);
    console.log(`  one aggregate scan of the deals   median ${median(scans).toFixed(2)} ms`);
    console.log(`  cold alignment score              median ${median(scores).toFixed(2)} ms  (max ${Math.max(...scores).toFixed(1)} ms)`);
    console.log(`  ratio ${ratio.toFixed(1)}× (target ≤ ${MAX_ALIGNMENT_COLD_RATIO}×): ${ratio <= MAX_ALIGNMENT_COLD_RATIO ? 'met' : 'NOT met'}`);
  } finally {
    await app.close();
    if (kind === 'postgres') await dropPostgresSchema(pgUrl, `bench_${suffix}`);
    else for (const ext of ['', '-wal', '-shm']) rmSync(path + ext, { force: true });
  }
}

await main();
