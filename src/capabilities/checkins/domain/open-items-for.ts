// A member's open action items, soonest due first (SPEC S2: action items have an owner and carry over
// until done) — for "my action items" and reminders. Items without a due date come last.
import { instantMs } from '../../../shared/calendar/index.js';
import type { ActionItem } from './types.js';

export function openItemsFor(items: readonly ActionItem[], memberId: string): ActionItem[] {
  return items
    .filter((i) => i.ownerId === memberId && i.status === 'open')
    .sort(
      (a, b) =>
        (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
        instantMs(a.createdAt) - instantMs(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
}
