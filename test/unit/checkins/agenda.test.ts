// The check-in agenda: SPEC S2 order, empty states, provider failures, KPI change wording.
import { describe, expect, it } from 'vitest';
import {
  AGENDA_SECTIONS,
  agendaWindow,
  assembleAgenda,
  collectAgendaSections,
} from '../../../src/capabilities/checkins/domain/index.js';
import type { AgendaBuildContext, AgendaSectionProvider } from '../../../src/shared/contracts/agenda.js';
import { meeting } from './factories.js';

const item = (id: string, text = id) => ({ id, text });

describe('assembleAgenda', () => {
  it('orders sections as SPEC S2 lists them, whatever order providers answer in', () => {
    const agenda = assembleAgenda(
      [
        { key: 'alignment_todos', items: [item('todo:1')] },
        { key: 'evidence', items: [item('ev:1'), item('ev:2')] },
        { key: 'wins', items: [item('win:1')] },
        { key: 'kpis', items: [item('kpi:1')] },
        { key: 'reflections', items: [item('ref:1')] },
        { key: 'action_items', items: [item('ai:1')] },
      ],
      [],
    );
    expect(agenda.sections.map((s) => s.key)).toEqual(['wins', 'kpis', 'action_items', 'evidence', 'reflections', 'alignment_todos', 'attendee_items']);
    expect(agenda.sections.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(agenda.sections[0]?.title).toBe('Wins since the last check-in');
    expect(agenda.itemCount).toBe(7);
  });

  it('keeps an empty section a room answered for, with its empty-state line', () => {
    const agenda = assembleAgenda([{ key: 'wins', items: [] }], []);
    expect(agenda.sections.map((s) => s.key)).toEqual(['wins', 'attendee_items']);
    expect(agenda.sections[0]).toMatchObject({ key: 'wins', items: [], emptyText: 'No wins logged since the last check-in — worth asking.', error: null });
    for (const s of agenda.sections) expect(s.emptyText).toBe(AGENDA_SECTIONS.find((d) => d.key === s.key)?.emptyText);
    expect(agenda.itemCount).toBe(0);
  });

  it('leaves out the sections of rooms that supply none: no permanent empty placeholders', () => {
    // Today only goals (KPIs) and check-ins (action items) supply sections.
    const agenda = assembleAgenda(
      [
        { key: 'action_items', items: [] },
        { key: 'kpis', items: [item('kpi:1')] },
      ],
      [],
    );
    expect(agenda.sections.map((s) => s.key)).toEqual(['kpis', 'action_items', 'attendee_items']);
    expect(assembleAgenda([], []).sections.map((s) => s.key)).toEqual(['attendee_items']);
  });

  it('says a failed section could not be loaded rather than that nothing happened', () => {
    const agenda = assembleAgenda([{ key: 'evidence', error: 'database timeout' }], []);
    const evidence = agenda.sections.find((s) => s.key === 'evidence');
    expect(evidence).toMatchObject({ items: [], error: 'database timeout' });
    expect(evidence?.emptyText).toMatch(/^Couldn’t load this section \(database timeout\)/);
  });

  it('puts attendee items last, oldest first, and ignores a second answer for a key', () => {
    const agenda = assembleAgenda(
      [
        { key: 'wins', items: [item('win:1')] },
        { key: 'wins', items: [item('win:2')] },
      ],
      [
        { id: 'c2', text: 'Pricing page feedback', addedById: 'b', addedByName: 'Ben', addedAt: '2026-03-09T12:00:00Z' },
        { id: 'c1', text: 'Q2 event plan', addedById: 'a', addedByName: 'Ana', addedAt: '2026-03-08T12:00:00Z' },
      ],
    );
    expect(agenda.sections[0]?.items.map((i) => i.id)).toEqual(['win:1']);
    const last = agenda.sections.at(-1);
    expect(last?.key).toBe('attendee_items');
    expect(last?.items.map((i) => [i.text, i.detail])).toEqual([
      ['Q2 event plan', 'Added by Ana'],
      ['Pricing page feedback', 'Added by Ben'],
    ]);
    expect(last?.emptyText).toBeNull();
  });
});

describe('collectAgendaSections', () => {
  const ctx: AgendaBuildContext = {
    workspaceId: 'w1',
    meetingId: 'm2',
    since: '2026-03-03T14:30:00.000Z',
    until: '2026-03-10T14:00:00.000Z',
    timeZone: 'America/New_York',
    now: '2026-03-09T00:00:00.000Z',
  };
  const provider = (key: AgendaSectionProvider['key'], build: AgendaSectionProvider['build']): AgendaSectionProvider => ({ key, title: key, order: 1, build });

  it('passes the context, and turns a failing or slow provider into an error result', async () => {
    const seen: AgendaBuildContext[] = [];
    const results = await collectAgendaSections(
      [
        provider('wins', async (c) => {
          seen.push(c);
          return [item('win:1')];
        }),
        provider('evidence', async () => {
          throw new Error('evidence store is down');
        }),
        provider('reflections', () => new Promise(() => undefined)),
      ],
      ctx,
      50,
    );
    expect(seen).toEqual([ctx]);
    expect(results).toEqual([
      { key: 'wins', items: [item('win:1')] },
      { key: 'evidence', error: 'evidence store is down' },
      { key: 'reflections', error: 'took longer than 0.05 s' },
    ]);
    expect(assembleAgenda(results).sections.map((s) => [s.key, s.items.length])).toEqual([
      ['wins', 1],
      ['evidence', 0],
      ['reflections', 0],
      ['attendee_items', 0],
    ]);
  });
});

describe('agendaWindow', () => {
  const now = meeting('m4', '2026-03-31T14:00:00.000Z');

  it('runs from the end of the last held check-in to this one, skipping missed ones', () => {
    const ms = [meeting('m1', '2026-03-10T14:00:00.000Z', { held: true }), meeting('m2', '2026-03-17T14:00:00.000Z', { held: true }), meeting('m3', '2026-03-24T14:00:00.000Z'), now];
    expect(agendaWindow(now, ms)).toEqual({ since: '2026-03-17T14:30:00.000Z', until: '2026-03-31T14:00:00.000Z', lastMeetingId: 'm2' });
  });

  it('reaches back 28 days at most, and for a first check-in', () => {
    expect(agendaWindow(now, [now])).toEqual({ since: '2026-03-03T14:00:00.000Z', until: '2026-03-31T14:00:00.000Z', lastMeetingId: null });
    const old = meeting('m0', '2026-01-06T15:00:00.000Z', { held: true });
    expect(agendaWindow(now, [old, now]).since).toBe('2026-03-03T14:00:00.000Z');
  });
});
