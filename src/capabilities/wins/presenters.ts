// How wins, comments and proposals read over the API (issue 13 contract). Raw rows never leave.
import type { Actor } from '../../server/auth.js';
import { collaborationOf } from './domain/collaboration.js';
import { reactionSummary } from './domain/reactions.js';
import { canChangeWin, canDeleteComment } from './policies.js';
import { idList, type CommentRow, type Person, type ProposalRow, type WinExtras, type WinRow } from './store.js';

const MEETING_DAY = new Map<string, Intl.DateTimeFormat>();
/** "Weekly sales & marketing check-in, Dec 1, 2026": a check-in named by its series and day in the workspace's zone. */
export function meetingTitle(seriesTitle: string, startsAt: string, timeZone: string): string {
  let f = MEETING_DAY.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone });
    MEETING_DAY.set(timeZone, f);
  }
  return `${seriesTitle}, ${f.format(new Date(startsAt))}`;
}

export function presentWin(w: WinRow, x: WinExtras, actor: Actor) {
  const credited = x.credits.get(w.id) ?? [];
  const { teams } = collaborationOf(credited.map((c) => c.team));
  const meeting = w.celebrated_meeting_id ? x.meetings.get(w.celebrated_meeting_id) : undefined;
  const person = (id: string | null): Person | null => (id ? (x.people.get(id) ?? null) : null);
  return {
    id: w.id,
    kind: w.kind,
    title: w.title,
    story: w.story,
    wonOn: w.won_on,
    collaborative: w.collaborative === 1,
    teams,
    credited,
    postedBy: person(w.posted_by),
    source: w.source_kind ? { kind: w.source_kind, id: w.source_id, label: w.source_label ?? '', href: w.source_href } : null,
    reactions: reactionSummary(x.reactions.get(w.id) ?? [], actor.memberId),
    commentCount: x.comments.get(w.id) ?? 0,
    celebrated: w.celebrated_at
      ? {
          at: w.celebrated_at,
          meetingId: meeting ? w.celebrated_meeting_id : null,
          meetingTitle: meeting ? meetingTitle(meeting.seriesTitle, meeting.startsAt, x.timeZone) : null,
          by: person(w.celebrated_by),
        }
      : null,
    canEdit: canChangeWin(actor, w.posted_by),
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
}

export function presentComment(c: CommentRow, actor: Actor) {
  return {
    id: c.id,
    body: c.body,
    author: c.member_id && c.name !== null && c.team ? { memberId: c.member_id, name: c.name, team: c.team } : null,
    createdAt: c.created_at,
    canDelete: canDeleteComment(actor, c.member_id),
  };
}

export function presentProposal(p: ProposalRow, people: ReadonlyMap<string, Person>) {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    story: p.story,
    wonOn: p.won_on,
    suggestedCredits: idList(p.credited_member_ids).flatMap((id) => people.get(id) ?? []),
    source: { kind: p.source_kind, id: p.source_id, label: p.source_label, href: p.source_href },
    createdAt: p.created_at,
    amountCents: p.amount_cents === null ? null : Number(p.amount_cents),
    dealCount: p.deal_count === null ? null : Number(p.deal_count),
  };
}
