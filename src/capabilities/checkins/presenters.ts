// Shapes check-in rows into API views.
import { checkQuorum, meetingState, type QuorumRule } from './domain/index.js';
import type { ActionItemRow, MeetingRow } from './store.js';
import { toDomainMeeting } from './store.js';

export function quorumText(rule: QuorumRule): string {
  const parts = rule.requirements.map((r) => `${r.min} ${r.keyPlayersOnly ? 'key player' : 'person'}${r.min === 1 ? '' : 's'} from ${r.team}`);
  return `At least ${parts.join(' and ')}`;
}

export function presentActionItem(a: ActionItemRow, today: string) {
  return {
    id: a.id,
    title: a.title,
    ownerId: a.owner_member_id,
    ownerName: a.owner_name,
    dueDate: a.due_date,
    status: a.status,
    meetingId: a.meeting_id,
    meetingStart: a.meeting_start,
    overdue: a.status === 'open' && a.due_date < today,
    closedAt: a.closed_at,
    createdAt: a.created_at,
  };
}

export function presentMeetingSummary(m: MeetingRow, now: Date, counts: { attended: number; actionItems: number }) {
  return {
    id: m.id,
    start: m.starts_at,
    end: m.ends_at,
    state: meetingState(toDomainMeeting(m), now),
    heldAt: m.held_at,
    attended: counts.attended,
    actionItems: counts.actionItems,
  };
}

export { checkQuorum };
