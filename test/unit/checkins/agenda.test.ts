// The check-in agenda: SPEC S2 order, empty states, provider failures, KPI change wording.
import { describe, expect, it } from 'vitest';
import {
  AGENDA_SECTIONS,
  agendaWindow,
  assembleAgenda,
  collectAgendaSections,
  kpiChangeItems,
  type AgendaBuildContext,
  type AgendaSectionProvider,
  type KpiChangeInput,
} from '../../../src/capabilities/checkins/domain/index.js';
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

  it('keeps empty and missing sections with their empty-state line', () => {
    const agenda = assembleAgenda([{ key: 'wins', items: [] }], []);
    expect(agenda.sections).toHaveLength(7);
    expect(agenda.sections[0]).toMatchObject({ key: 'wins', items: [], emptyText: 'No wins logged since the last check-in — worth asking.', error: null });
    for (const s of agenda.sections) expect(s.emptyText).toBe(AGENDA_SECTIONS.find((d) => d.key === s.key)?.emptyText);
    expect(agenda.itemCount).toBe(0);
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
    expect(assembleAgenda(results).sections.map((s) => s.items.length)).toEqual([1, 0, 0, 0, 0, 0, 0]);
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

describe('kpiChangeItems', () => {
  const kpi = (o: Partial<KpiChangeInput> & Pick<KpiChangeInput, 'kpiId'>): KpiChangeInput => ({
    name: o.kpiId,
    team: 'sales',
    unit: 'count',
    direction: 'higher',
    status: 'on_track',
    value: 10,
    previousValue: 8,
    ...o,
  });

  it('words the change in the unit of the KPI', () => {
    const text = (o: Partial<KpiChangeInput>) => kpiChangeItems([kpi({ kpiId: 'k', ...o })])[0]?.text;
    expect(text({ name: 'Win rate', unit: 'percent', value: 26.9, previousValue: 24 })).toBe('Win rate 24% → 26.9% (+2.9 pts), on track');
    expect(text({ name: 'MQLs', value: 120, previousValue: 135, status: 'at_risk' })).toBe('MQLs 135 → 120 (-15), at risk');
    expect(text({ name: 'Pipeline', unit: 'currency', value: 140_000_000, previousValue: 125_000_000 })).toBe('Pipeline $1,250,000 → $1,400,000 (+$150,000), on track');
    expect(text({ name: 'Sales cycle', unit: 'days', direction: 'lower', value: 41, previousValue: 43.5, status: 'off_track' })).toBe('Sales cycle 43.5 days → 41 days (-2.5 days), off track');
    expect(text({ name: 'LTV:CAC', unit: 'ratio', value: 3.25, previousValue: 3 })).toBe('LTV:CAC 3× → 3.25× (+0.25×), on track');
    expect(text({ name: 'Win rate', unit: 'percent', value: 24.01, previousValue: 24 })).toBe('Win rate 24% (no change), on track');
    expect(text({ name: 'MQLs', previousValue: null })).toBe('MQLs 10 (no value at the last check-in), on track');
    expect(text({ name: 'MQLs', value: null, previousValue: 8, status: 'no_data' })).toBe('MQLs: no value logged this period (8 at the last check-in), no data');
    expect(text({ name: 'MQLs', value: null, previousValue: null, status: 'no_data' })).toBe('MQLs: no value logged this period, no data');
  });

  it('says whether it got better, honouring the direction', () => {
    const [lower] = kpiChangeItems([kpi({ kpiId: 'cycle', unit: 'days', direction: 'lower', value: 41, previousValue: 43, rank: 2 })]);
    expect(lower?.detail).toBe('Sales · top three #2 · better than at the last check-in');
    const [worse] = kpiChangeItems([kpi({ kpiId: 'mql', team: 'marketing', value: 7, previousValue: 8 })]);
    expect(worse?.detail).toBe('Marketing · worse than at the last check-in');
    expect(worse).toMatchObject({ id: 'kpi:mql', tone: 'good', ref: { type: 'kpi', id: 'mql' } });
  });

  it('puts off-track KPIs first, then at risk, no data, on track, no target; sales before marketing; by rank', () => {
    const items = kpiChangeItems([
      kpi({ kpiId: 'on-m', team: 'marketing', status: 'on_track' }),
      kpi({ kpiId: 'none', status: 'no_target' }),
      kpi({ kpiId: 'off-m', team: 'marketing', status: 'off_track' }),
      kpi({ kpiId: 'risk', status: 'at_risk' }),
      kpi({ kpiId: 'off-s2', status: 'off_track', rank: 2 }),
      kpi({ kpiId: 'off-s1', status: 'off_track', rank: 1 }),
      kpi({ kpiId: 'nodata', status: 'no_data' }),
      kpi({ kpiId: 'on-s', status: 'on_track' }),
    ]);
    expect(items.map((i) => i.id.slice(4))).toEqual(['off-s1', 'off-s2', 'off-m', 'risk', 'nodata', 'on-s', 'on-m', 'none']);
    expect(items.slice(0, 4).map((i) => i.tone)).toEqual(['alert', 'alert', 'alert', 'warning']);
    expect(kpiChangeItems([])).toEqual([]);
  });
});
