// The messaging room's steps of Getting started (issue 12, docs/decisions/047): the first evidence — what buyers
// say on sales calls, in their own words — and the first piece published through the sales sign-off gate (a
// sales member approved the version and its score met the threshold; a leader's override does not count). Read
// from the evidence and pieces as they are now.
import type { Db } from '../../db/database.js';
import type { GettingStartedProvider } from '../../shared/contracts/getting-started.js';

const ROOM = 'messaging';
const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count.format(n)} ${n === 1 ? one : many}`;

export function messagingGettingStarted(db: Db): GettingStartedProvider {
  return {
    room: ROOM,
    async steps({ workspaceId }) {
      const evidence = await db
        .selectFrom('evidence')
        .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('member_id').distinct().as('people'), (eb) => eb.fn.count<number>('pain_id').as('tied')])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      const pieces = await db
        .selectFrom('pieces')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .select((eb) => eb.fn.sum<number>(eb.case().when(eb.and([eb('published_at', 'is not', null), eb('override_at', 'is', null)])).then(1).else(0).end()).as('gated'))
        .select((eb) => eb.fn.sum<number>(eb.case().when('override_at', 'is not', null).then(1).else(0).end()).as('overridden'))
        .where('workspace_id', '=', workspaceId)
        .groupBy('status')
        .execute();
      const entries = Number(evidence.n);
      const people = Number(evidence.people);
      const tied = Number(evidence.tied);
      const inStatus = (s: string) => Number(pieces.find((p) => p.status === s)?.n ?? 0);
      const gated = pieces.reduce((sum, p) => sum + Number(p.gated ?? 0), 0);
      const overridden = pieces.reduce((sum, p) => sum + Number(p.overridden ?? 0), 0);
      const total = pieces.reduce((sum, p) => sum + Number(p.n), 0);

      const evidenceDetail =
        entries > 0
          ? `${plural(entries, 'entry', 'entries')} logged by ${plural(people, 'person', 'people')}, ${count.format(tied)} tied to a pain.`
          : "None yet: after a call, a rep logs the buyer's own words and the pain they show, in a minute.";

      const waiting = [
        [inStatus('draft'), 'draft'],
        [inStatus('in_review'), 'in review'],
        [inStatus('changes_requested'), 'sent back'],
        [inStatus('approved'), 'approved'],
      ]
        .filter(([n]) => Number(n) > 0)
        .map(([n, what]) => `${count.format(Number(n))} ${String(what)}`);
      const overrideNote = overridden > 0 ? ` ${plural(overridden, 'piece')} went out on a leader's override, which does not count.` : '';
      const publishDetail =
        gated > 0
          ? `${plural(gated, 'piece')} published with sales approval and a passing score.${overrideNote}`
          : total === 0
            ? 'No pieces yet: write one, ask a sales member to review it, and publish once they approve and it scores at the threshold.'
            : `None published through the sign-off yet (${waiting.length > 0 ? waiting.join(', ') : plural(total, 'piece')}).${overrideNote}`;
      return [
        {
          key: `${ROOM}.first_evidence`,
          order: 90,
          title: 'Log what buyers say on sales calls',
          detail: evidenceDetail,
          href: '/messaging/evidence',
          action: 'Open Evidence',
          done: entries > 0,
        },
        {
          key: `${ROOM}.first_approved_publication`,
          order: 100,
          title: 'Publish a piece sales approved',
          detail: publishDetail,
          href: '/messaging/pieces',
          action: 'Open Pieces',
          done: gated > 0,
        },
      ];
    },
  };
}
