// The life of a marketing piece (SPEC S3 "Marketing pieces", "Publishing gate"; issue 12): which status each action
// leads to from each status, and who may take it. Pure: the routes ask this module, then check the gate and write.
//
//   draft ──request review──▶ in_review ──a sales member decides──▶ approved | changes_requested
//   changes_requested ──request review again──▶ in_review
//   approved ──publish (the gate open)──▶ published ──archive──▶ archived
//   any unpublished status ──a leader's override with a written reason──▶ published
//
// Editing the title or body of an approved or in-review piece makes a new version and returns it to in_review: an
// approval is for the version the reviewer read. Published and archived pieces are not edited (write a new piece).
import type { PieceStatus } from '../../../../db/schema/messaging.js';
import type { Role, Team } from '../../../../shared/vocabulary.js';

export const PIECE_STATUSES = ['draft', 'in_review', 'approved', 'changes_requested', 'published', 'archived'] as const satisfies readonly PieceStatus[];

export type PieceAction = 'edit' | 'request_review' | 'decide' | 'publish' | 'override' | 'archive' | 'comment';

const UNPUBLISHED: readonly PieceStatus[] = ['draft', 'in_review', 'approved', 'changes_requested'];

/** The statuses each action may start from. */
const FROM: Record<PieceAction, readonly PieceStatus[]> = {
  edit: UNPUBLISHED,
  request_review: ['draft', 'in_review', 'changes_requested'],
  decide: ['in_review', 'approved', 'changes_requested'],
  publish: ['approved'],
  override: UNPUBLISHED,
  archive: ['draft', 'in_review', 'approved', 'changes_requested', 'published'],
  comment: ['draft', 'in_review', 'approved', 'changes_requested', 'published'],
};

export const allowsAction = (status: PieceStatus, action: PieceAction): boolean => FROM[action].includes(status);

/** The status after editing the title or body (a new version): what was approved or under review goes back to review. */
export function statusAfterEdit(status: PieceStatus): PieceStatus {
  return status === 'approved' || status === 'in_review' ? 'in_review' : status;
}

/** The status after a reviewer's decision, from the decisions on the current version: one request for changes holds it back. */
export function statusAfterDecisions(decisions: readonly ('pending' | 'approved' | 'changes_requested')[]): PieceStatus {
  if (decisions.includes('changes_requested')) return 'changes_requested';
  if (decisions.includes('approved')) return 'approved';
  return 'in_review';
}

const STATUS_WORDS: Record<PieceStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  changes_requested: 'sent back with changes requested',
  published: 'published',
  archived: 'archived',
};

/** Why an action is refused in this status, as a sentence; null when the status allows it. */
export function statusRefusal(status: PieceStatus, action: PieceAction): string | null {
  if (allowsAction(status, action)) return null;
  const is = `This piece is ${STATUS_WORDS[status]}`;
  switch (action) {
    case 'edit':
      return `${is}, so it is not edited any more; write a new piece instead.`;
    case 'request_review':
      return status === 'approved' ? `${is} already; edit it to send a new version for review.` : `${is}; only a draft or a piece that is in review or sent back can be sent for review.`;
    case 'decide':
      return status === 'draft' ? `${is}: nobody has asked for a review yet.` : `${is}; it is no longer reviewed.`;
    case 'publish':
      if (status === 'published') return `${is} already.`;
      return status === 'archived' ? `${is}; write a new piece to publish it again.` : `${is}; a sales member approves a piece before it is published.`;
    case 'override':
      return `${is} already.`;
    case 'archive':
    case 'comment':
      return `${is}.`;
  }
}

/** What the actor is to the piece: their role and team in the workspace, and whether they wrote it. */
export interface PieceActor {
  role: Role;
  team: Team;
  isAuthor: boolean;
}

const isLeader = (a: PieceActor) => a.role === 'leader' || a.role === 'admin';

/**
 * Who may take each action (SPEC S0, S3; issue 12 "Rules"): viewers only read. The author, marketing leads and
 * leaders (role leader or admin, any team — which includes marketing's leads) edit, ask for review, publish and
 * archive; only sales members decide a review, never on a piece they wrote; only leaders override the gate.
 */
export function mayAct(a: PieceActor, action: PieceAction): boolean {
  if (a.role === 'viewer') return false;
  switch (action) {
    case 'edit':
    case 'request_review':
    case 'publish':
    case 'archive':
      return a.isAuthor || isLeader(a);
    case 'decide':
      return a.team === 'sales' && !a.isAuthor;
    case 'override':
      return isLeader(a);
    case 'comment':
      return true;
  }
}

/** Who writes pieces: marketing members (not viewers), and leaders and admins of any team. */
export const mayCreatePiece = (a: Pick<PieceActor, 'role' | 'team'>): boolean => a.role !== 'viewer' && (a.team === 'marketing' || a.role === 'leader' || a.role === 'admin');

/** The 403's words for each action. */
export function actionRefusal(a: PieceActor, action: PieceAction): string {
  switch (action) {
    case 'edit':
      return 'Only the author, marketing leads and leaders edit this piece.';
    case 'request_review':
      return 'Only the author, marketing leads and leaders ask for a review of this piece.';
    case 'publish':
      return 'Only the author, marketing leads and leaders publish this piece.';
    case 'archive':
      return 'Only the author, marketing leads and leaders archive this piece.';
    case 'decide':
      return a.team === 'sales' && a.isAuthor ? 'You wrote this piece: another sales member reviews it.' : 'Only sales members approve pieces or ask for changes.';
    case 'override':
      return 'Only leaders publish past the gate, with a written reason.';
    case 'comment':
      return 'Viewers read pieces; members comment on them.';
  }
}
