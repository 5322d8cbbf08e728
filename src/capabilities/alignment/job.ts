// The alignment score's weekly job (SPEC S6 "a job stores the score weekly"; issue 14): once a week across instances
// (claimed by its ISO week, src/server/jobs.ts), each workspace's score is stored for the week — once, by the unique
// (workspace, week), so a rerun or a second instance writes nothing twice — and each active member is sent the
// weekly digest through the outbox (announce, kind 'weekly_digest'), keyed by week and member, email only since it
// is personal (their to-dos, their shadow day); Slack and Teams get the part that is the same for everyone once,
// without the to-dos and shadow days (PERSONAL_PARTS).
import type { Db } from '../../db/database.js';
import { askRooms } from '../../server/ask-rooms.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { announce } from '../../server/outbound/announce.js';
import { absoluteLink } from '../../server/outbound/text.js';
import { isoWeekOf } from '../../shared/calendar/index.js';
import type { DigestContext, DigestItem, DigestSectionKey, DigestSectionProvider } from '../../shared/contracts/digest.js';
import type { Todo, TodoContext, TodoProvider } from '../../shared/contracts/todos.js';
import { assembleDigest, digestText, digestTitle } from './domain/digest.js';
import { alignmentNow, weekScoreOf, weekStartOf, type AlignmentDeps } from './score-now.js';
import { storeWeekScore } from './store.js';

const WEEK_MS = 7 * 86_400_000;
/** The digest's parts that differ by member, left out of the channels' digest. */
export const PERSONAL_PARTS: ReadonlySet<string> = new Set(['todos', 'shadow_days']);

export interface WeekResult {
  stored: number;
  digests: number;
}

export interface DigestDeps {
  db: Db;
  publicUrl: string;
  sections: () => readonly DigestSectionProvider[];
  todos: () => readonly TodoProvider[];
  log: AlignmentDeps['log'];
}

/** Every provider's items for one member, by section; a provider that throws is logged and left out (askRooms). */
async function sectionsFor(deps: DigestDeps, ctx: DigestContext): Promise<Map<DigestSectionKey, DigestItem[]>> {
  const { answers } = await askRooms(deps.log, deps.sections(), (p) => p.build(ctx), { failed: 'build its part of the weekly digest' });
  const by = new Map<DigestSectionKey, DigestItem[]>();
  for (const { provider, value } of answers) by.set(provider.key, [...(by.get(provider.key) ?? []), ...value]);
  return by;
}

async function todosFor(deps: DigestDeps, at: TodoContext): Promise<Todo[]> {
  const { answers } = await askRooms(deps.log, deps.todos(), (p) => p.todos(at), { failed: 'report its to-dos' });
  return answers.flatMap((a) => a.value);
}

/** One workspace's week: its score stored, every active member's digest written to the outbox. */
export async function runWorkspaceWeek(deps: AlignmentDeps, digest: DigestDeps, workspace: { id: string; timeZone: string }, now: Date): Promise<WeekResult> {
  const week = isoWeekOf(now.toISOString().slice(0, 10));
  const score = await alignmentNow(deps, workspace.id, now);
  const stored = (await storeWeekScore(deps.db, workspace.id, weekScoreOf(score.result, weekStartOf(now)))) ? 1 : 0;
  const overall = score.result.overall === null ? null : Math.round(score.result.overall);

  const members = await deps.db
    .selectFrom('members')
    .select(['id', 'role', 'team'])
    .where('workspace_id', '=', workspace.id)
    .where('active', '=', 1)
    .where('joined_at', 'is not', null)
    .orderBy('id')
    .execute();
  const since = new Date(now.getTime() - WEEK_MS).toISOString();
  const until = now.toISOString();
  const link = (href: string) => absoluteLink(digest.publicUrl, href);
  const fields = [{ label: 'Alignment score', value: overall === null ? 'Not scored yet' : `${overall}/100` }];
  let digests = 0;
  let shared: { title: string; text: string } | null = null;
  for (const m of members) {
    const ctx: DigestContext = { workspaceId: workspace.id, memberId: m.id, since, until, timeZone: workspace.timeZone, now };
    const [sections, todos] = await Promise.all([sectionsFor(digest, ctx), todosFor(digest, { workspaceId: workspace.id, memberId: m.id, role: m.role, team: m.team, now })]);
    const title = digestTitle(week.key, overall, sections.get('wins')?.length ?? 0);
    const parts = assembleDigest(sections, todos);
    digests += await announce(deps.db, digest, workspace.id, {
      kind: 'weekly_digest',
      key: `digest:${week.key}:${m.id}`,
      title,
      text: digestText(parts, link),
      fields,
      link: '/',
      linkLabel: 'Open the dashboard',
      recipientMemberIds: [m.id],
      channelKinds: ['email'],
    });
    // The channels' digest is the first member's without the personal parts.
    shared ??= { title, text: digestText(parts.filter((p) => !PERSONAL_PARTS.has(p.key)), link) };
  }
  if (shared) {
    digests += await announce(deps.db, digest, workspace.id, { kind: 'weekly_digest', key: `digest:${week.key}`, ...shared, fields, link: '/', linkLabel: 'Open the dashboard', channelKinds: ['slack', 'teams'] });
  }
  return { stored, digests };
}

/** Every workspace's week; one that fails is logged and the others still run. */
export async function runAlignmentWeek(deps: AlignmentDeps, digest: DigestDeps, now: Date): Promise<WeekResult> {
  const workspaces = await deps.db.selectFrom('workspaces').select(['id', 'time_zone']).orderBy('id').execute();
  const total: WeekResult = { stored: 0, digests: 0 };
  for (const w of workspaces) {
    try {
      const r = await runWorkspaceWeek(deps, digest, { id: w.id, timeZone: w.time_zone }, now);
      total.stored += r.stored;
      total.digests += r.digests;
    } catch (err) {
      deps.log.error({ err, workspaceId: w.id }, 'the alignment week failed for a workspace');
    }
  }
  return total;
}

export function alignmentWeeklyJob(ctx: AppContext, deps: AlignmentDeps): Job {
  const digest: DigestDeps = { db: ctx.db.kysely, publicUrl: ctx.config.publicUrl, sections: () => ctx.digestSections, todos: () => ctx.todos, log: ctx.log };
  return {
    name: 'alignment.weekly',
    period: 'week',
    async run({ now }) {
      await runAlignmentWeek(deps, digest, now);
      ctx.outbox.wake();
    },
  };
}
