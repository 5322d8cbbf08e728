// The shadow days of the demo workspace (SPEC S8, issue 15): the past three quarters paired without repeating a
// host, every day done with its reflection; the current quarter half done (its days behind us reflected but one,
// the rest ahead, a date proposal waiting, one member sitting it out); both people's calendar feeds carry the days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { demoApp } from '../helpers/demo.js';
import { base, type ProgramsView, type ProgramView } from './shadowing-fixtures.js';

let t: TestApp;
let dana: Client;

beforeAll(async () => {
  ({ t, dana } = await demoApp());
});
afterAll(async () => {
  await t?.close();
});

describe('the demo workspace’s shadow days', () => {
  it('holds three finished quarters with reflections and the current one half done', async () => {
    const list = expectStatus(await dana.get<ProgramsView>(`${base}/programs`), 200);
    expect(list.programs).toHaveLength(4);
    expect(list.currentProgram?.quarter.key).toBe(list.current.key);
    const [current, ...past] = await Promise.all(list.programs.map(async (p) => expectStatus(await dana.get<ProgramView>(`${base}/programs/${p.id}`), 200)));
    for (const p of past) {
      expect(p.status).toBe('closed');
      expect(p.pairs.length).toBe(13);
      expect(p.pairs.every((x) => x.status === 'done' && x.reflection !== null)).toBe(true);
      expect(p.completed).toBe(13);
    }
    // No guest had the same host in two of the past quarters.
    const seen = new Set<string>();
    for (const p of past) for (const x of p.pairs) {
      expect(seen.has(`${x.guest.id}>${x.host.id}`)).toBe(false);
      seen.add(`${x.guest.id}>${x.host.id}`);
    }
    expect(current!.participantsList.filter((x) => x.optedOut !== null)).toHaveLength(1);
    expect(current!.pairs).toHaveLength(12);
    const done = current!.pairs.filter((x) => x.status === 'done').length;
    expect(done).toBeGreaterThan(0);
    expect(current!.pairs.filter((x) => x.status === 'awaiting_reflection')).toHaveLength(1);
    expect(current!.pairs.filter((x) => x.status === 'date_proposed')).toHaveLength(1);
    expect(current!.pairs.filter((x) => x.status === 'scheduled' || x.status === 'date_proposed').length).toBe(12 - done - 1);
    // Never on the demo's check-in day (Tuesday), never on a weekend.
    for (const x of [...current!.pairs, ...past.flatMap((p) => p.pairs)]) expect([0, 2, 6]).not.toContain(new Date(`${x.date!}T12:00:00Z`).getUTCDay());
    expect(current!.checkinWeekday).toBe(2);
  });
});
