// Shapes check-in rows into API views.
import { badRequest, type AppError } from '../../server/errors.js';
import { checkQuorum, meetingState, type CheckinProblem, type QuorumRule } from './domain/index.js';
import type { ActionItemRow, MeetingRow } from './store.js';
import { toDomainMeeting } from './store.js';

/** A refused check-in write: the problems' sentences, and each with its field path in `details` for programs. */
export function refused(problems: readonly CheckinProblem[]): AppError {
  return badRequest(
    problems.map((p) => p.message).join(' '),
    problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
  );
}

export function quorumText(rule: QuorumRule): string {
  const parts = rule.requirements.map((r) => `${r.min} ${r.keyPlayersOnly ? 'key player' : 'member'}${r.min === 1 ? '' : 's'} from ${r.team}`);
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
