// The pieces' status machine, who may take each action, and the publishing gate (SPEC S3; issue 12) — pure.
import { describe, expect, it } from 'vitest';
import { allowsAction, mayAct, mayCreatePiece, PIECE_STATUSES, statusAfterDecisions, statusAfterEdit, statusRefusal, type PieceAction, type PieceActor } from '../../../src/capabilities/messaging/pieces/domain/piece-status.js';
import { publishingGate } from '../../../src/capabilities/messaging/pieces/domain/publishing-gate.js';
import { piecesAuditDescriber } from '../../../src/capabilities/messaging/pieces/audit.js';

const ACTIONS: PieceAction[] = ['edit', 'request_review', 'decide', 'publish', 'override', 'archive', 'comment'];

describe('the status machine', () => {
  it('each action starts only from the statuses the issue names', () => {
    const table = Object.fromEntries(ACTIONS.map((a) => [a, PIECE_STATUSES.filter((s) => allowsAction(s, a))]));
    expect(table).toEqual({
      edit: ['draft', 'in_review', 'approved', 'changes_requested'],
      request_review: ['draft', 'in_review', 'changes_requested'],
      decide: ['in_review', 'approved', 'changes_requested'],
      publish: ['approved'],
      override: ['draft', 'in_review', 'approved', 'changes_requested'],
      archive: ['draft', 'in_review', 'approved', 'changes_requested', 'published'],
      comment: ['draft', 'in_review', 'approved', 'changes_requested', 'published'],
    });
  });

  it('every refused action says why in a sentence, and an allowed one has no refusal', () => {
    for (const s of PIECE_STATUSES) {
      for (const a of ACTIONS) {
        const r = statusRefusal(s, a);
        if (allowsAction(s, a)) expect(r).toBeNull();
        else expect(r).toMatch(/^This piece is .+\.$/);
      }
    }
    expect(statusRefusal('approved', 'request_review')).toBe('This piece is approved already; edit it to send a new version for review.');
  });

  it('editing an approved or in-review piece returns it to review; a draft or a piece sent back stays as it is', () => {
    expect(statusAfterEdit('approved')).toBe('in_review');
    expect(statusAfterEdit('in_review')).toBe('in_review');
    expect(statusAfterEdit('draft')).toBe('draft');
    expect(statusAfterEdit('changes_requested')).toBe('changes_requested');
  });

  it('one request for changes holds a version back; one approval approves it; otherwise it is in review', () => {
    expect(statusAfterDecisions(['pending', 'approved'])).toBe('approved');
    expect(statusAfterDecisions(['approved', 'changes_requested'])).toBe('changes_requested');
    expect(statusAfterDecisions(['pending'])).toBe('in_review');
    expect(statusAfterDecisions([])).toBe('in_review');
  });
});

describe('who may act', () => {
  const who = (role: PieceActor['role'], team: PieceActor['team'], isAuthor = false): PieceActor => ({ role, team, isAuthor });
  it('viewers only read', () => {
    for (const a of ACTIONS) expect(mayAct(who('viewer', 'sales'), a)).toBe(false);
    expect(mayAct(who('viewer', 'marketing', true), 'edit')).toBe(false);
    expect(mayCreatePiece(who('viewer', 'marketing'))).toBe(false);
  });
  it('the author, marketing leads and leaders edit and publish; another marketer does not', () => {
    expect(mayAct(who('member', 'marketing', true), 'publish')).toBe(true);
    expect(mayAct(who('member', 'marketing'), 'publish')).toBe(false);
    expect(mayAct(who('leader', 'marketing'), 'publish')).toBe(true);
    expect(mayAct(who('leader', 'leadership'), 'edit')).toBe(true);
    expect(mayAct(who('admin', 'leadership'), 'publish')).toBe(true);
    expect(mayAct(who('member', 'sales'), 'publish')).toBe(false);
  });
  it('only sales members decide, never on their own piece; only leaders override', () => {
    expect(mayAct(who('member', 'sales'), 'decide')).toBe(true);
    expect(mayAct(who('leader', 'sales', true), 'decide')).toBe(false);
    expect(mayAct(who('leader', 'marketing'), 'decide')).toBe(false);
    expect(mayAct(who('admin', 'leadership'), 'decide')).toBe(false);
    expect(mayAct(who('member', 'marketing', true), 'override')).toBe(false);
    expect(mayAct(who('leader', 'sales'), 'override')).toBe(true);
  });
  it('marketing members and leaders write pieces; a sales member does not', () => {
    expect(mayCreatePiece(who('member', 'marketing'))).toBe(true);
    expect(mayCreatePiece(who('member', 'sales'))).toBe(false);
    expect(mayCreatePiece(who('leader', 'sales'))).toBe(true);
  });
});

describe('the publishing gate', () => {
  const review = (version: number, decision: 'pending' | 'approved' | 'changes_requested', reviewerName = 'Sam Seller') => ({ version, decision, reviewerName });
  it('opens with an approval of the current version and a score at the threshold', () => {
    expect(publishingGate({ version: 2, score: 60, threshold: 60, reviews: [review(2, 'approved')] })).toEqual({ open: true, reasons: [], approvedBy: ['Sam Seller'] });
  });
  it('an approval of an earlier version does not count, and says so', () => {
    const g = publishingGate({ version: 3, score: 80, threshold: 60, reviews: [review(2, 'approved'), review(3, 'pending')] });
    expect(g).toEqual({ open: false, reasons: ['No sales member has approved version 3 yet: the approval was for an earlier version, before the last edit.'], approvedBy: [] });
  });
  it('a score one below the threshold shuts it; every reason is given at once', () => {
    expect(publishingGate({ version: 1, score: 59, threshold: 60, reviews: [review(1, 'approved')] }).reasons).toEqual(["Its pain score is 59, below the workspace's threshold of 60."]);
    expect(publishingGate({ version: 1, score: 10, threshold: 60, reviews: [] }).reasons).toEqual(['No sales member has approved it yet.', "Its pain score is 10, below the workspace's threshold of 60."]);
    expect(publishingGate({ version: 1, score: null, threshold: 0, reviews: [review(1, 'approved')] }).reasons).toEqual(['It has not been analysed yet: save it to get its pain score.']);
  });
  it('a request for changes to this version shuts it even next to approvals, naming who asked', () => {
    const g = publishingGate({ version: 1, score: 90, threshold: 60, reviews: [review(1, 'approved'), review(1, 'changes_requested', 'Cleo Closer'), review(1, 'changes_requested', 'Ray Rep')] });
    expect(g.open).toBe(false);
    expect(g.reasons).toEqual(['Cleo Closer and Ray Rep asked for changes to this version.']);
  });
});

describe('the audit sentences', () => {
  const d = piecesAuditDescriber(null as never);
  const fact = (action: string, after: unknown, before: unknown = null) => ({ action, entityType: 'piece', entityId: 'p1', before, after, actor: 'Lee Leader' });
  const name = () => 'Stop losing leads';
  it('approvals, overrides and publications read with names and the version', () => {
    expect(d.describe(fact('piece.approved', { version: 3, comment: 'Reads like our buyers.' }), name)).toBe("Lee Leader approved version 3 of 'Stop losing leads': 'Reads like our buyers.'");
    expect(d.describe(fact('piece.published_past_gate', { version: 2, score: 41, threshold: 60, reason: 'Launch date is fixed.' }), name)).toBe("Lee Leader published version 2 of 'Stop losing leads' past the gate (pain score 41, threshold 60): 'Launch date is fixed.'");
    expect(d.describe(fact('piece.published', { version: 1, score: 72, threshold: 60, approvedBy: ['Sam Seller', 'Cleo Closer'] }), name)).toBe("Lee Leader published version 1 of 'Stop losing leads' (pain score 72, threshold 60), approved by Sam Seller and Cleo Closer");
    expect(d.describe(fact('piece.edited', { version: 4, status: 'in_review', score: 70 }, { version: 3, status: 'approved' }), name)).toBe("Lee Leader saved version 4 of 'Stop losing leads' (pain score 70), which goes back to review");
    expect(d.describe(fact('piece.review_requested', { version: 1, reviewers: ['Sam Seller'] }), name)).toBe("Lee Leader asked Sam Seller to review version 1 of 'Stop losing leads'");
    expect(d.describe({ ...fact('kpi.created', {}), entityType: 'kpi' }, name)).toBeNull();
  });
});
