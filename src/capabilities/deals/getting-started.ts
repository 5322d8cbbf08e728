// The deals room's step of Getting started (issue 11, docs/decisions/047): the workspace's own deals, imported
// from a HubSpot or Salesforce export (or any CSV mapped by hand, or sent by the webhook), so the KPIs computed
// from deals fill themselves in. Read from the deals as they are now; the demo's made-up deals do not count.
import type { Db } from '../../db/database.js';
import type { GettingStartedProvider } from '../../shared/contracts/getting-started.js';

const ROOM = 'deals';
const count = new Intl.NumberFormat('en-US');
const deals = (n: number) => `${count.format(n)} deal${n === 1 ? '' : 's'}`;

export function dealsGettingStarted(db: Db): GettingStartedProvider {
  return {
    room: ROOM,
    async steps({ workspaceId }) {
      const byOrigin = await db
        .selectFrom('deals')
        .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('origin', '=', 'demo').then(0).else(1).end()).as('crm')])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      const all = Number(byOrigin.n);
      const crm = Number(byOrigin.crm ?? 0);
      const latest =
        crm > 0
          ? await db
              .selectFrom('deal_imports')
              .select(['filename', 'finished_at'])
              .where('workspace_id', '=', workspaceId)
              .where('status', '=', 'done')
              .orderBy('finished_at', 'desc')
              .orderBy('id', 'desc')
              .limit(1)
              .executeTakeFirst()
          : undefined;
      const detail =
        crm > 0
          ? `${deals(crm)} from your CRM${latest ? `; the latest import: ${latest.filename}` : ''}.`
          : all > 0
            ? `None of your own yet: the ${deals(all)} here came with the demo. Upload a CRM export and the KPIs computed from deals fill in.`
            : 'No deals yet: upload a CRM export (a CSV) and the KPIs computed from deals fill in.';
      return [
        {
          key: `${ROOM}.first_import`,
          order: 80,
          title: 'Import your deals from HubSpot or Salesforce',
          detail,
          href: '/deals/import',
          action: 'Open Import deals',
          done: crm > 0,
        },
      ];
    },
  };
}
