// The "action items done by their due date" cadence signal (SPEC S6) on crafted items.
import { describe, expect, it } from 'vitest';
import { actionItemsSignal } from '../../../src/capabilities/checkins/domain/action-items-signal.js';

describe('actionItemsSignal', () => {
  it('is null with nothing due, with a next step to start', () => {
    const s = actionItemsSignal([]);
    expect(s).toMatchObject({ key: 'checkins.action_items_on_time', strategy: 'checkins', score: null });
    expect(s.nextStep?.href).toBe('/checkins');
  });

  it('counts done on or before the due date as on time, late or open as not, and leaves dropped ones out', () => {
    const s = actionItemsSignal([
      { dueDate: '2026-11-10', status: 'done', closedOn: '2026-11-10' },
      { dueDate: '2026-11-10', status: 'done', closedOn: '2026-11-09' },
      { dueDate: '2026-11-10', status: 'done', closedOn: '2026-11-11' },
      { dueDate: '2026-11-10', status: 'open', closedOn: null },
      { dueDate: '2026-11-10', status: 'dropped', closedOn: '2026-11-01' },
    ]);
    expect(s.score).toBe(0.5);
    expect(s.detail).toBe('2 of 4 action items due in the last 12 weeks were done by their due date (50%). 1 is still open past its due date.');
    expect(s.nextStep).toEqual({ text: 'Close the overdue action item', href: '/checkins' });
  });

  it('is 1 with no next step when every item was done on time; only dropped ones is no data', () => {
    expect(actionItemsSignal([{ dueDate: '2026-11-10', status: 'done', closedOn: '2026-11-02' }])).toMatchObject({ score: 1, nextStep: null });
    expect(actionItemsSignal([{ dueDate: '2026-11-10', status: 'dropped', closedOn: '2026-11-02' }]).score).toBeNull();
  });
});
