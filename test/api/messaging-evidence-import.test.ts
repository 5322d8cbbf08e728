// Evidence from a CSV over HTTP (issue 12), on SQLite and PostgreSQL: the rows are checked as the form checks one
// entry, each bad row answered by number, column and sentence; all or nothing, or only the valid rows; a dry run
// writes nothing; a file that is not a CSV is refused in words; another workspace's pains are not this one's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { changedInDb } from '../factories.js';
import { expectOnly } from '../factories-concurrency.js';
import { insertDeals } from '../factories-deals.js';
import { dayFromToday, makeMessagingTeam, makePain, type PainView } from '../factories-pains.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface ImportView {
  mode: string;
  dryRun: boolean;
  rows: number;
  valid: number;
  invalid: number;
  logged: number;
  errors: Array<{ row: number; column: string; message: string }>;
}

const url = '/api/v1/messaging/evidence/import';
const send = (by: Client, csv: string | Buffer, query = '', type = 'text/csv') => by.request<ImportView>('POST', `${url}${query}`, { rawBody: csv, headers: { 'content-type': type } });

async function makeTeam() {
  const team = await makeMessagingTeam(t);
  return { ...team, pain: await makePain(team.seller.client, { statement: 'Inbound leads go cold before anyone calls them' }) };
}

async function evidenceRows(workspaceId: string) {
  return t.db.kysely.selectFrom('evidence').selectAll().where('workspace_id', '=', workspaceId).orderBy('date').execute();
}

describe('the evidence CSV', () => {
  it('logs every row, naming pains by statement or id and linking deals by their CRM id', async () => {
    const { ws, seller, pain } = await makeTeam();
    await insertDeals(t, ws.id, [{ status: 'won', amount: 100, created: '2026-01-01', closed: dayFromToday(-1) }]);
    await changedInDb(t);
    const deal = await t.db.kysely.selectFrom('deals').select(['id', 'external_id']).where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
    const csv = [
      '\uFEFFDate,Account,Outcome,Deal amount,CRM id,Pain,Quote,Notes',
      `${dayFromToday(-3)},Contoso,WON,"$42,000.50",${deal.external_id},inbound leads go cold before anyone calls them,"Our reps call back two days later, and the lead is gone.",Champion: VP Sales`,
      `${dayFromToday(-2)},Fabrikam,,,SF-1,${pain.id},We rebuild the forecast every Monday.,`,
      '',
    ].join('\r\n');
    const view = expectStatus(await send(seller.client, csv), 200);
    expect(view).toMatchObject({ mode: 'all_or_nothing', dryRun: false, rows: 2, valid: 2, invalid: 0, logged: 2, errors: [] });
    const rows = await evidenceRows(ws.id);
    expect(rows.map((r) => [r.account, r.outcome, r.amount === null ? null : Number(r.amount), r.deal_id, r.deal_external_id, r.pain_id, r.notes])).toEqual([
      ['Contoso', 'won', 4_200_050, deal.id, deal.external_id, pain.id, 'Champion: VP Sales'],
      ['Fabrikam', 'open', null, null, 'SF-1', pain.id, null],
    ]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('after').where('workspace_id', '=', ws.id).where('action', '=', 'evidence.imported').execute();
    expect(audit.map((a) => JSON.parse(a.after!))).toEqual([{ entries: 2, skipped: 0, pains: 1, pieces: 0 }]);
    const painView = expectStatus(await seller.client.get<PainView>(`/api/v1/messaging/pains/${pain.id}`), 200);
    expect(painView.evidence.count).toBe(2);
    // Columns that are not ours are ignored, even ones named like an object's own keys.
    const odd = expectStatus(await send(seller.client, `date,account,quote,constructor,__proto__,toString\n${dayFromToday(-1)},Litware,Words of a buyer,x,y,z\n`), 200);
    expect(odd.logged).toBe(1);
  });

  it('writes nothing when any row is bad (all or nothing), or only the good rows when asked; a dry run only checks', async () => {
    const { ws, seller } = await makeTeam();
    const csv = [
      'date;account;quote;outcome;amount;pain',
      `${dayFromToday(-1)};Contoso;Fine row here;won;100;`,
      `${dayFromToday(3)};Fabrikam;Future row;open;;`,
      `2026-02-30;Litware;Bad date;maybe;-5;No such pain`,
      `${dayFromToday(-1)};;x;open;12,5;`,
    ].join('\n');
    const refused = await send(seller.client, csv);
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/^Nothing was logged: 3 rows have problems\. Row 3, date: .*future/);
    const details = refused.error?.details as ImportView;
    expect(details.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:date', '4:date', '4:outcome', '4:amount', '4:pain', '5:account', '5:quote', '5:amount']);
    expect(await evidenceRows(ws.id)).toHaveLength(0);

    const dry = expectStatus(await send(seller.client, csv, '?mode=valid_rows&dryRun=true'), 200);
    expect(dry).toMatchObject({ dryRun: true, valid: 1, invalid: 3, logged: 0 });
    expect(await evidenceRows(ws.id)).toHaveLength(0);

    const partly = expectStatus(await send(seller.client, csv, '?mode=valid_rows'), 200);
    expect(partly).toMatchObject({ valid: 1, invalid: 3, logged: 1 });
    expect((await evidenceRows(ws.id)).map((r) => r.account)).toEqual(['Contoso']);
  });

  it('refuses what is not a CSV of entries, in words', async () => {
    const { ws, seller } = await makeTeam();
    const cases: Array<[string | Buffer, RegExp, number]> = [
      ['', /empty/, 400],
      ['date,account,quote\n', /no entries/, 400],
      ['when,who,said\n2026-01-01,A,B\n', /needs the columns date, account and quote/, 400],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /not a CSV of text/, 400],
      [Buffer.from('date,account,quote\n2026-01-01,Caf\xe9,hello there\n', 'latin1'), /not UTF-8/, 400],
      ['date,account,quote\n2026-01-01,"Contoso,unterminated quote\n', /not readable as CSV/, 400],
      [`date,account,quote\n${`${dayFromToday(-1)},A,hello there\n`.repeat(5001)}`, /more than 5,000/, 413],
    ];
    for (const [body, message, status] of cases) {
      const res = await send(seller.client, body);
      expect(res.status, String(message)).toBe(status);
      expect(res.error?.message, String(message)).toMatch(message);
    }
    const json = await seller.client.post(url, { rows: [] });
    expect(json.status).toBe(415);
    expect((await send(seller.client, 'date,account,quote\n', '?mode=some')).status).toBe(400);
    expect(await evidenceRows(ws.id)).toHaveLength(0);
  });

  it('is for those who log evidence, and another workspace’s pains are unknown to a file', async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const csv = `date,account,quote,pain\n${dayFromToday(-1)},Contoso,Words of a buyer,${a.pain.id}\n`;
    const forbidden = await send(a.marketer.client, csv);
    expect(forbidden.status).toBe(403);
    const foreign = await send(b.seller.client, csv);
    expect(foreign.status).toBe(400);
    expect((foreign.error?.details as ImportView).errors[0]).toMatchObject({ row: 2, column: 'pain' });
    expect(await evidenceRows(a.ws.id)).toHaveLength(0);
    expect(await evidenceRows(b.ws.id)).toHaveLength(0);
  });

  it('takes two files at once, each whole, never a 500', async () => {
    const { ws, seller } = await makeTeam();
    const file = (n: number) => `date,account,quote\n${Array.from({ length: n }, (_, i) => `${dayFromToday(-1)},Account ${i},Buyer words ${i}`).join('\n')}\n`;
    const answers = await Promise.all([send(seller.client, file(30)), send(ws.admin, file(40))]);
    expectOnly(answers, [200]);
    expect(await evidenceRows(ws.id)).toHaveLength(70);
  });
});
