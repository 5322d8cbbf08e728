// Shadow days over HTTP (issue 15, SPEC S4), on SQLite and PostgreSQL: opening a quarter, the optimal pairs with
// their days and cost in words, pins and swaps, who may do what, bad input refused in words, two generates at once,
// date proposals answered by the other person, reflections only on or after the day, and another workspace seeing
// and touching nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDbKind, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, makeWorkspace } from '../factories.js';
import { burst, countOf, expectOnly, PARALLEL, tally } from '../factories-concurrency.js';
import { base, currentQuarter, generate, makeShadowTeam, nextQuarterKey, openNextQuarter, utcDay, type AffinityView, type PairView, type ParticipantView, type ProgramsView, type ProgramView } from './shadowing-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();

describe('opening a quarter', () => {
  it('makes every active seller and marketer a participant (viewers and leadership read), once per quarter', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.salesLead.client);
    expect(program).toMatchObject({ status: 'open', participants: 6, completed: 0, pairs: [], unplaced: [], generatedAt: null, me: { memberId: team.salesLead.member.id, isParticipant: true, canManage: true } });
    expect(program.participantsList.map((p) => p.member.name).sort()).toEqual(['Alex Exec', 'Cole Content', 'Lee Lead', 'Max Marketing', 'Mia Marketer', 'Sam Seller']);
    expect(program.participantsList.every((p) => p.capacity === 2 && p.optedOut === null && p.unavailableDates.length === 0)).toBe(true);
    expect(program.participantsList.find((p) => p.member.id === team.sdr.member.id)!.member).toEqual({ id: team.sdr.member.id, name: 'Sam Seller', team: 'sales', function: 'SDR' });

    const again = await team.marketingLead.client.post(`${base}/programs`, { quarter: program.quarter.key });
    expect(again.status).toBe(409);
    expect(again.error?.message).toBe(`${program.quarter.label} already has a shadow program: open it instead.`);

    const list = expectStatus(await team.viewer.client.get<ProgramsView>(`${base}/programs`), 200);
    expect(list.programs.map((p) => p.id)).toEqual([program.id]);
    expect(list.currentProgram).toBeNull();
    expect(list.current.key).toMatch(/^FY\d{4}-Q[1-4]$/);
    expect(nextQuarterKey(list.current.key)).toBe(program.quarter.key);

    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', program.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['shadow_program.created']);
  });

  it('opens a quarter once when leaders ask at the same moment: one 201, the others 409 in words', async () => {
    const team = await makeShadowTeam(t);
    const quarter = nextQuarterKey((await currentQuarter(team.ws.admin)).key);
    const answers = await burst(PARALLEL, (i) => [team.ws.admin, team.salesLead.client, team.marketingLead.client][i % 3]!.post(`${base}/programs`, { quarter }));
    expectOnly(answers, [201, 409]);
    expect(countOf(answers, 201), tally(answers)).toBe(1);
    const list = expectStatus(await team.ws.admin.get<ProgramsView>(`${base}/programs`), 200);
    expect(list.programs).toHaveLength(1);
  });

  it('refuses a past or malformed quarter with a sentence, and members and viewers with a 403', async () => {
    const team = await makeShadowTeam(t);
    const current = await currentQuarter(team.ws.admin);
    const fy = Number(current.key.slice(2, 6));
    const past = await team.ws.admin.post(`${base}/programs`, { quarter: `FY${fy - 1}-Q1` });
    expect(past.status).toBe(400);
    expect(past.error?.message).toMatch(/^FY\d{4} Q1 is over: open the current quarter or one ahead\.$/);
    for (const quarter of ['2027-Q1', 'FY2027-Q5', '', 42]) {
      const r = await team.ws.admin.post(`${base}/programs`, { quarter });
      expect(r.status, String(quarter)).toBe(400);
      expect(r.error?.message.split(' ').length).toBeGreaterThan(3);
    }
    expect((await team.ws.admin.post(`${base}/programs`, { quarter: `FY${fy + 30}-Q1` })).error?.message).toMatch(/not a fiscal quarter within ten years/);
    for (const who of [team.sdr, team.viewer]) {
      const r = await who.client.post(`${base}/programs`, { quarter: nextQuarterKey(current.key) });
      expect(r.status).toBe(403);
      expect(r.error?.message).toMatch(/Only leaders and admins/);
    }
  });
});

describe('generating the pairs', () => {
  it('pairs every guest with a host of the other team, within capacity, with the cost in words and a workday for each', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    await t.db.kysely.updateTable('members').set({ manager_id: team.salesLead.member.id }).where('id', 'in', [team.sdr.member.id, team.ae.member.id]).execute();
    expectStatus(await team.ws.admin.request<AffinityView>('PUT', `${base}/affinity`, { body: { rules: [{ salesFunction: 'SDR', marketingFunction: 'Demand gen', bonus: 10 }] } }), 200);
    const g = await generate(team.salesLead.client, program.id);
    expect(g.pairs).toHaveLength(6);
    expect(g.unplaced).toEqual([]);
    expect(g.generatedAt).not.toBeNull();
    for (const p of g.pairs) {
      expect(p.guest.team).not.toBe(p.host.team);
      expect(p.direction).toBe(p.guest.team === 'marketing' ? 'marketing_shadows_sales' : 'sales_shadows_marketing');
      expect(p.costReasons[0]).toBe('First time together');
      expect(p.status).toBe('scheduled');
      expect(p.date! >= program.quarter.startDate && p.date! < program.quarter.endDate).toBe(true);
      expect([0, 6]).not.toContain(weekday(p.date!));
    }
    // Functions that match are preferred: the demand-gen marketer shadows the SDR.
    const mia = g.pairs.find((p) => p.guest.id === team.demandGen.member.id)!;
    expect(mia.host.id).toBe(team.sdr.member.id);
    expect(mia.costReasons).toContain('Functions match (SDR ↔ Demand gen)');
    // Never over capacity; each participant is a guest once.
    const hosted = new Map<string, number>();
    for (const p of g.pairs) hosted.set(p.host.id, (hosted.get(p.host.id) ?? 0) + 1);
    expect(Math.max(...hosted.values())).toBeLessThanOrEqual(2);
    expect(new Set(g.pairs.map((p) => p.guest.id)).size).toBe(6);
    expect(g.participantsList.every((p) => p.pairAsGuest !== null)).toBe(true);
    // Same input, same pairs.
    const again = await generate(team.salesLead.client, program.id);
    expect(again.pairs.map((p) => [p.id, p.guest.id, p.host.id, p.date])).toEqual(g.pairs.map((p) => [p.id, p.guest.id, p.host.id, p.date]));
  });

  it('says who cannot be placed and why when hosts have too few places, and places the rest', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    for (const m of [team.demandGen, team.content]) expectStatus(await team.ws.admin.patch<ParticipantView>(`${base}/programs/${program.id}/participants/${m.member.id}`, { capacity: 0 }), 200);
    expectStatus(await team.ws.admin.patch<ParticipantView>(`${base}/programs/${program.id}/participants/${team.marketingLead.member.id}`, { capacity: 1 }), 200);
    const g = await generate(team.ws.admin, program.id);
    const sellersAsGuests = g.pairs.filter((p) => p.direction === 'sales_shadows_marketing');
    expect(sellersAsGuests).toHaveLength(1);
    expect(sellersAsGuests[0]!.host.id).toBe(team.marketingLead.member.id);
    expect(g.unplaced).toHaveLength(2);
    expect(g.unplaced[0]!.reason).toBe("Marketing hosts have 1 place this quarter for 3 sales guests, so 2 cannot be placed. Raise a host's capacity, then generate again.");
    expect(g.progress.overdue.filter((o) => o.why === 'No date yet')).toHaveLength(2);
  });

  it('keeps pinned pairs and swaps two pairs\' hosts (both pinned); a swap across directions is refused', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    const g = await generate(team.ws.admin, program.id);
    const [a, b] = g.pairs.filter((p) => p.direction === 'marketing_shadows_sales');
    const other = g.pairs.find((p) => p.direction === 'sales_shadows_marketing')!;
    expect((await team.sdr.client.post(`${base}/pairs/${a!.id}/pin`, { pinned: true })).status).toBe(403);
    const swapped = expectStatus(await team.ws.admin.post<ProgramView>(`${base}/programs/${program.id}/swap`, { pairIds: [a!.id, b!.id] }), 200);
    const a2 = swapped.pairs.find((p) => p.id === a!.id)!;
    const b2 = swapped.pairs.find((p) => p.id === b!.id)!;
    expect([a2.host.id, b2.host.id]).toEqual([b!.host.id, a!.host.id]);
    expect([a2.pinned, b2.pinned]).toEqual([true, true]);
    expect(a2.costReasons.at(-1)).toBe('Swapped by a leader');
    expect(a2.date).not.toBeNull();
    const regenerated = await generate(team.ws.admin, program.id);
    expect(regenerated.pairs.find((p) => p.id === a!.id)!.host.id).toBe(b!.host.id);
    const unpinned = expectStatus(await team.ws.admin.post<PairView>(`${base}/pairs/${a!.id}/pin`, { pinned: false }), 200);
    expect(unpinned.pinned).toBe(false);
    const across = await team.ws.admin.post(`${base}/programs/${program.id}/swap`, { pairIds: [a!.id, other.id] });
    expect(across.status).toBe(400);
    expect(across.error?.message).toMatch(/^Swap two pairs of the same direction/);
    expect((await team.ws.admin.post(`${base}/programs/${program.id}/swap`, { pairIds: [a!.id, a!.id] })).error?.message).toBe('Name two different pairs to swap.');
  });

  it('lets one of several generates at the same moment run; the others get a 409 in words, never a 500', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    const answers = await burst(PARALLEL, () => team.ws.admin.post(`${base}/programs/${program.id}/generate`, {}));
    expectOnly(answers, [200, 409]);
    expect(countOf(answers, 200), tally(answers)).toBeGreaterThanOrEqual(1);
    // On SQLite one connection runs each request's statements to the end before the next one's, so requests from
    // one process do not overlap there; PostgreSQL runs them side by side, and the claim turns the others away.
    if (testDbKind() === 'postgres') expect(countOf(answers, 409), tally(answers)).toBeGreaterThanOrEqual(1);
    const view = expectStatus(await team.ws.admin.get<ProgramView>(`${base}/programs/${program.id}`), 200);
    expect(view.pairs).toHaveLength(6);
    expect(new Set(view.pairs.map((p) => p.guest.id)).size).toBe(6);

    // While another instance is generating (its claim is held), a generate is a 409; a lapsed claim is taken over.
    await t.db.kysely.updateTable('shadow_programs').set({ generating_until: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', program.id).execute();
    const busy = await team.ws.admin.post(`${base}/programs/${program.id}/generate`, {});
    expect(busy.status).toBe(409);
    expect(busy.error?.message).toBe('The pairs of this quarter are being generated right now by someone else; reload in a moment to see them.');
    await t.db.kysely.updateTable('shadow_programs').set({ generating_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', program.id).execute();
    expectStatus(await team.ws.admin.post(`${base}/programs/${program.id}/generate`, {}), 200);
  });
});

describe('participants', () => {
  it('a member changes their own settings; opting out gives up their days; bad input is refused in words', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    const url = (id: string) => `${base}/programs/${program.id}/participants/${id}`;
    const day = program.quarter.startDate;
    const mine = expectStatus(await team.ae.client.patch<ParticipantView>(url(team.ae.member.id), { capacity: 3, unavailableDates: [day, day] }), 200);
    expect(mine).toMatchObject({ capacity: 3, unavailableDates: [day], optedOut: null });
    expect((await team.ae.client.patch(url(team.sdr.member.id), { capacity: 1 })).status).toBe(403);
    expect((await team.viewer.client.patch(url(team.viewer.member.id), { capacity: 1 })).status).toBe(403);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ capacity: 11 }, /capacity must be a whole number of guests from 0 to 10/],
      [{ capacity: 1.5 }, /capacity must be a whole number/],
      [{ unavailableDates: ['2020-01-01'] }, /is outside FY\d{4} Q[1-4]: unavailable dates must be from/],
      [{ unavailableDates: ['not-a-date'] }, /date as YYYY-MM-DD/],
      [{ optedOut: { reason: 'no' } }, /Say why you sit this quarter out, in 3 to 500 characters/],
      [{}, /Say what to change/],
      [{ colour: 'red' }, /./],
    ];
    for (const [body, message] of cases) {
      const r = await team.ae.client.patch(url(team.ae.member.id), body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.error?.message, JSON.stringify(body)).toMatch(message);
    }
    expect((await team.ws.admin.patch(url('nobody-like-this'), { capacity: 1 })).status).toBe(404);

    await generate(team.ws.admin, program.id);
    const out = expectStatus(await team.ae.client.patch<ParticipantView>(url(team.ae.member.id), { optedOut: { reason: 'On leave in March' } }), 200);
    expect(out.optedOut?.reason).toBe('On leave in March');
    expect(out.pairAsGuest).toBeNull();
    const view = expectStatus(await team.ae.client.get<ProgramView>(`${base}/programs/${program.id}`), 200);
    expect(view.pairs.some((p) => p.guest.id === team.ae.member.id || p.host.id === team.ae.member.id)).toBe(false);
    expect(view.progress.teams.find((x) => x.team === 'sales')!.participants).toBe(2);
    const back = expectStatus(await team.ae.client.patch<ParticipantView>(url(team.ae.member.id), { optedOut: null }), 200);
    expect(back.optedOut).toBeNull();
  });
});

describe('a deactivated member', () => {
  it('leaves the open programs: their days to come go, as guest and host; the audit log reads in words', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    await generate(team.ws.admin, program.id);
    expectStatus(await team.ws.admin.patch(`/api/v1/members/${team.content.member.id}`, { active: false }), 200);
    const view = expectStatus(await team.ws.admin.get<ProgramView>(`${base}/programs/${program.id}`), 200);
    expect(view.participantsList.map((p) => p.member.id)).not.toContain(team.content.member.id);
    expect(view.pairs.some((p) => p.guest.id === team.content.member.id || p.host.id === team.content.member.id)).toBe(false);
    const again = await generate(team.ws.admin, program.id);
    expect(again.pairs).toHaveLength(5);
    const audit = expectStatus(await team.ws.admin.get<{ items: Array<{ summary?: string; description?: string; text?: string }> }>('/api/v1/audit?limit=50'), 200);
    const words = JSON.stringify(audit.items);
    expect(words).toContain(`opened the shadow program ${program.quarter.label}`);
    expect(words).toMatch(new RegExp(`generated the pairs of ${program.quarter.label}: \\d+ pairs, 0 not placed`));
  });
});

describe('date proposals and reflections', () => {
  it('the guest proposes, the host accepts (the day moves, the invite goes again); a second answer is a 409', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    const g = await generate(team.ws.admin, program.id);
    const pair = g.pairs.find((p) => p.guest.id === team.demandGen.member.id)!;
    const host = [team.sdr, team.ae, team.salesLead].find((m) => m.member.id === pair.host.id)!;
    const taken = new Set(g.pairs.filter((p) => p.guest.id === pair.host.id || p.host.id === pair.host.id).map((p) => p.date));
    const free = (from: string) => {
      for (let d = from; ; d = new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) if (![0, 6].includes(weekday(d)) && !taken.has(d) && d !== pair.date) return d;
    };
    const date = free(program.quarter.startDate);
    const proposed = expectStatus(await team.demandGen.client.post<PairView>(`${base}/pairs/${pair.id}/propose-date`, { date }), 200);
    expect(proposed).toMatchObject({ status: 'date_proposed', proposal: { date, by: { id: team.demandGen.member.id } }, date: pair.date });
    expect((await team.demandGen.client.post(`${base}/pairs/${pair.id}/accept-date`, {})).status).toBe(403);
    expect((await team.content.client.post(`${base}/pairs/${pair.id}/propose-date`, { date })).status).toBe(403);
    const accepted = expectStatus(await host.client.post<PairView>(`${base}/pairs/${pair.id}/accept-date`, {}), 200);
    expect(accepted).toMatchObject({ date, proposal: null, status: 'scheduled' });
    const late = await host.client.post(`${base}/pairs/${pair.id}/accept-date`, {});
    expect(late.status).toBe(409);
    expect(late.error?.message).toMatch(/^There is no date proposal to answer/);

    expectStatus(await host.client.post<PairView>(`${base}/pairs/${pair.id}/propose-date`, { date: free(date > program.quarter.startDate ? date : program.quarter.startDate) === date ? free(new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) : free(date) }), 200);
    const declined = expectStatus(await team.demandGen.client.post<PairView>(`${base}/pairs/${pair.id}/decline-date`, {}), 200);
    expect(declined).toMatchObject({ date, proposal: null });

    const bad: Array<[string, RegExp]> = [
      ['2020-01-06', /within the quarter/],
      [program.quarter.endDate, /within the quarter/],
      ['31-12-2027', /date as YYYY-MM-DD/],
      [date, /already on/],
    ];
    const saturday = (() => {
      for (let d = program.quarter.startDate; ; d = new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) if (weekday(d) === 6) return d;
    })();
    bad.push([saturday, /is not a workday/]);
    for (const [d, message] of bad) {
      const r = await team.demandGen.client.post(`${base}/pairs/${pair.id}/propose-date`, { date: d });
      expect(r.status, d).toBe(400);
      expect(r.error?.message, d).toMatch(message);
    }
    const actions = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', pair.id).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['shadow_pair.date_accepted', 'shadow_pair.date_declined', 'shadow_pair.date_proposed', 'shadow_pair.date_proposed']);
  });

  it('a reflection before the day is a 400; the guest writes it on the day; host and viewer may not', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    const g = await generate(team.ws.admin, program.id);
    const pair = g.pairs.find((p) => p.guest.id === team.sdr.member.id)!;
    const body = { surprised: 'How long a campaign takes to plan.', misconception: 'That MQLs are random.', idea: 'Share call notes weekly.', rating: 5 };
    const early = await team.sdr.client.request('PUT', `${base}/pairs/${pair.id}/reflection`, { body });
    expect(early.status).toBe(400);
    expect(early.error?.message).toMatch(/^Write the reflection on or after your shadow day, \d{1,2} \w+ \d{4}\.$/);
    await t.db.kysely.updateTable('shadow_pairs').set({ date: utcDay(0) }).where('id', '=', pair.id).execute();
    for (const [over, message] of [[{ rating: 6 }, /rating must be a whole number from 1 to 5/], [{ idea: '' }, /One idea to take back is needed/], [{ surprised: 'x'.repeat(2001) }, /at most 2,000 characters/]] as const) {
      const r = await team.sdr.client.request('PUT', `${base}/pairs/${pair.id}/reflection`, { body: { ...body, ...over } });
      expect(r.status).toBe(400);
      expect(r.error?.message).toMatch(message);
    }
    const hostClient = [team.demandGen, team.content, team.marketingLead].find((m) => m.member.id === pair.host.id)!.client;
    expect((await hostClient.request('PUT', `${base}/pairs/${pair.id}/reflection`, { body })).status).toBe(403);
    expect((await team.viewer.client.request('PUT', `${base}/pairs/${pair.id}/reflection`, { body })).status).toBe(403);
    const written = expectStatus(await team.sdr.client.request<PairView>('PUT', `${base}/pairs/${pair.id}/reflection`, { body }), 200);
    expect(written).toMatchObject({ status: 'done', reflection: { ...body } });
    const view = expectStatus(await team.viewer.client.get<ProgramView>(`${base}/programs/${program.id}`), 200);
    expect(view.progress.teams.find((x) => x.team === 'sales')!.completed).toBe(1);
    expect(view.completed).toBe(1);
  });
});

describe('affinity', () => {
  it('lists the functions of each team; leaders replace the rules; members may not; bad bonuses are refused', async () => {
    const team = await makeShadowTeam(t);
    const empty = expectStatus(await team.sdr.client.get<AffinityView>(`${base}/affinity`), 200);
    expect(empty.rules).toEqual([]);
    expect(empty.functions.sales).toEqual(['Account executive', 'SDR', 'Sales manager']);
    expect(empty.functions.marketing).toEqual(['Content', 'Demand gen', 'VP Marketing']);
    const rules = [{ salesFunction: 'SDR', marketingFunction: 'Demand gen', bonus: 9 }, { salesFunction: 'Account executive', marketingFunction: 'Content', bonus: 6 }];
    const put = expectStatus(await team.marketingLead.client.request<AffinityView>('PUT', `${base}/affinity`, { body: { rules } }), 200);
    expect(put.rules).toEqual([rules[1], rules[0]]);
    expect((await team.sdr.client.request('PUT', `${base}/affinity`, { body: { rules } })).status).toBe(403);
    const bad = await team.ws.admin.request('PUT', `${base}/affinity`, { body: { rules: [{ salesFunction: 'SDR', marketingFunction: 'Demand gen', bonus: 11 }] } });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/bonus must be a whole number from 0 to 10/);
  });
});

describe('another workspace', () => {
  it('sees and touches nothing of the first, by id or by member', async () => {
    const team = await makeShadowTeam(t);
    const program = await openNextQuarter(team.ws.admin);
    const g = await generate(team.ws.admin, program.id);
    const pair = g.pairs[0]!;
    const other = await makeWorkspace(t, { timeZone: 'UTC' });
    const outsider = await addMember(t, other, { role: 'leader', team: 'sales' });
    for (const who of [other.admin, outsider.client]) {
      expect((await who.get(`${base}/programs/${program.id}`)).status).toBe(404);
      expect((await who.post(`${base}/programs/${program.id}/generate`, {})).status).toBe(404);
      expect((await who.patch(`${base}/programs/${program.id}/participants/${team.sdr.member.id}`, { capacity: 0 })).status).toBe(404);
      expect((await who.post(`${base}/pairs/${pair.id}/pin`, { pinned: true })).status).toBe(404);
      expect((await who.post(`${base}/pairs/${pair.id}/propose-date`, { date: pair.date })).status).toBe(404);
      expect((await who.post(`${base}/pairs/${pair.id}/accept-date`, {})).status).toBe(404);
      expect((await who.post(`${base}/pairs/${pair.id}/decline-date`, {})).status).toBe(404);
      expect((await who.request('PUT', `${base}/pairs/${pair.id}/reflection`, { body: { surprised: 'a', misconception: 'b', idea: 'c', rating: 3 } })).status).toBe(404);
      expect((await who.post(`${base}/programs/${program.id}/swap`, { pairIds: [g.pairs[0]!.id, g.pairs[1]!.id] })).status).toBe(404);
      expect(expectStatus(await who.get<ProgramsView>(`${base}/programs`), 200).programs).toEqual([]);
    }
    // A member of the other workspace is no participant here, by id.
    const own = await openNextQuarter(other.admin);
    expect((await other.admin.patch(`${base}/programs/${own.id}/participants/${team.sdr.member.id}`, { capacity: 1 })).status).toBe(404);
    const after = expectStatus(await team.ws.admin.get<ProgramView>(`${base}/programs/${program.id}`), 200);
    expect(after.pairs.map((p) => [p.id, p.pinned, p.date])).toEqual(g.pairs.map((p) => [p.id, p.pinned, p.date]));
  });
});
