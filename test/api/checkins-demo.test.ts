// The check-ins of the demo workspace (SPEC S8 "a living product", S2): a year of weekly check-ins, most
// held with quorum and a few missed, so compliance reads as a real team's would, and the next meeting's
// agenda already carries an item an attendee added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { getMeeting, meetingsAround, type ComplianceView, type SeriesView } from '../factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('the demo workspace’s check-ins', () => {
  it('compliance over the last 12 shows a mostly held record with missed ones; the next agenda has an attendee’s item', async () => {
    const dana = t.client();
    expectStatus(await dana.signIn('dana@northwind.example', 'lockstep-demo'), 200);

    const { series } = expectStatus(await dana.get<{ series: SeriesView | null }>('/api/v1/checkins/series'), 200);
    expect(series?.weekday).toBe('TU');
    expect(series?.attendees.length).toBeGreaterThanOrEqual(2);

    const c = expectStatus(await dana.get<ComplianceView>('/api/v1/checkins/compliance'), 200);
    expect(c.counted).toBe(12);
    expect(c.share).toBeGreaterThan(0);
    expect(c.share).toBeLessThan(1);
    expect(c.missed.length).toBeGreaterThan(0);
    expect(c.held).toBe(c.counted - c.missed.length);
    expect(c.summary).toMatch(new RegExp(`^${c.held} of the last 12 check-ins held with quorum`));

    const { past, upcoming } = await meetingsAround(dana);
    expect(past.length).toBeGreaterThan(40);
    const next = await getMeeting(dana, upcoming[0]!.id);
    expect(next.state).toBe('upcoming');
    const added = next.agenda.sections.find((s) => s.key === 'attendee_items');
    expect(added?.items.map((i) => i.text)).toContain('Enterprise prospects keep asking about SSO — do we have a page for it?');
    // Open items from earlier meetings carry over; the demo's KPIs are on it too.
    expect(next.agenda.sections.find((s) => s.key === 'action_items')?.items.length).toBeGreaterThan(0);
    expect(next.agenda.sections.find((s) => s.key === 'kpis')?.items.length).toBeGreaterThan(0);
    // A held past meeting reads back with its attendance and notes.
    const held = past.filter((m) => m.state === 'held').at(-1)!;
    const record = await getMeeting(dana, held.id);
    expect(record.notes).not.toBe('');
    expect(record.quorum.met).toBe(true);
    expect(record.agenda.frozen).toBe(true);
  });
});
