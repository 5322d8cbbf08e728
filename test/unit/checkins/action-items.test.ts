// Action items carry over until done or dropped (SPEC S2).
import { describe, expect, it } from 'vitest';
import { carriedOver, openItemsFor } from '../../../src/capabilities/checkins/domain/index.js';
import { actionItem } from './factories.js';

const meeting = { id: 'm2', start: '2026-03-10T14:00:00Z' }; // 10 Mar, 10:00 New York
const TZ = 'America/New_York';

describe('carriedOver', () => {
  const items = [
    actionItem({ id: 'open-no-date' }),
    actionItem({ id: 'open-due-later', dueDate: '2026-03-20' }),
    actionItem({ id: 'overdue-1', dueDate: '2026-03-09' }),
    actionItem({ id: 'overdue-5', dueDate: '2026-03-05' }),
    actionItem({ id: 'due-today', dueDate: '2026-03-10' }),
    actionItem({ id: 'done-before', status: 'done', closedAt: '2026-03-09T12:00:00Z' }),
    actionItem({ id: 'dropped-before', status: 'dropped', closedAt: '2026-03-08T12:00:00Z' }),
    actionItem({ id: 'done-during', status: 'done', closedAt: '2026-03-10T14:10:00Z' }),
    actionItem({ id: 'agreed-in-this-meeting', meetingId: 'm2', createdAt: '2026-03-10T14:20:00Z' }),
    actionItem({ id: 'added-after-start', meetingId: null, createdAt: '2026-03-10T14:05:00Z' }),
  ];

  it('keeps items open at the start, overdue first, then by due date', () => {
    const c = carriedOver(items, meeting, TZ);
    expect(c.map((i) => i.id)).toEqual(['overdue-5', 'overdue-1', 'due-today', 'open-due-later', 'done-during', 'open-no-date']); // no due date: oldest first, then by id
    expect(c.map((i) => [i.overdue, i.daysOverdue])).toEqual([
      [true, 5],
      [true, 1],
      [false, 0],
      [false, 0],
      [false, 0],
      [false, 0],
    ]);
  });

  it('is empty when nothing is open', () => {
    expect(carriedOver([], meeting, TZ)).toEqual([]);
    expect(carriedOver([actionItem({ id: 'x', status: 'done', closedAt: '2026-03-04T00:00:00Z' })], meeting, TZ)).toEqual([]);
  });
});

describe('openItemsFor', () => {
  it("lists a member's open items, soonest due first", () => {
    const items = [
      actionItem({ id: 'a', dueDate: null }),
      actionItem({ id: 'b', dueDate: '2026-03-12' }),
      actionItem({ id: 'c', dueDate: '2026-03-11' }),
      actionItem({ id: 'd', dueDate: '2026-03-01', status: 'done', closedAt: '2026-03-02T00:00:00Z' }),
      actionItem({ id: 'e', ownerId: 'ben' }),
    ];
    expect(openItemsFor(items, 'ana').map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(openItemsFor(items, 'zed')).toEqual([]);
  });
});
