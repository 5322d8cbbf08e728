// The second cadence part of the alignment score (SPEC S6 "Cadence": "action items done by their due date"): of the
// action items due in the last 12 weeks (dropped ones aside: a decision not to do it is not a miss), the share done
// on or before their due date, in the workspace's calendar. None due in the window: null, no verdict.
import type { AlignmentSignal } from '../../../shared/contracts/alignment-signals.js';

export const ACTION_ITEMS_WINDOW_WEEKS = 12;

export interface DueActionItem {
  dueDate: string;
  status: 'open' | 'done' | 'dropped';
  /** The local date it was closed (done or dropped), null while open. */
  closedOn: string | null;
}

/** `items` are those due in the window, up to and including yesterday (an item due today is not late yet). */
export function actionItemsSignal(items: readonly DueActionItem[]): AlignmentSignal {
  const base = { key: 'checkins.action_items_on_time', strategy: 'checkins' as const, label: 'Action items done by their due date' };
  const counted = items.filter((i) => i.status !== 'dropped');
  if (counted.length === 0) {
    return { ...base, score: null, detail: `No action item was due in the last ${ACTION_ITEMS_WINDOW_WEEKS} weeks.`, nextStep: { text: 'Agree an action item with an owner and a due date at the next check-in', href: '/checkins' } };
  }
  const onTime = counted.filter((i) => i.status === 'done' && i.closedOn !== null && i.closedOn <= i.dueDate).length;
  const open = counted.filter((i) => i.status === 'open').length;
  const share = onTime / counted.length;
  const overdue = open > 0 ? ` ${open} ${open === 1 ? 'is' : 'are'} still open past ${open === 1 ? 'its' : 'their'} due date.` : '';
  return {
    ...base,
    score: share,
    detail: `${onTime} of ${counted.length} action items due in the last ${ACTION_ITEMS_WINDOW_WEEKS} weeks were done by their due date (${Math.round(share * 100)}%).${overdue}`,
    nextStep: open > 0 ? { text: `Close the ${open === 1 ? 'overdue action item' : `${open} overdue action items`}`, href: '/checkins' } : share < 1 ? { text: 'Finish the next action items by their due date', href: '/checkins' } : null,
  };
}
