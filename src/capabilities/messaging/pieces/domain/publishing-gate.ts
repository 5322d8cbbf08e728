// The publishing gate (SPEC S3 "Publishing gate"; issue 12): a piece is published only when a sales member approved
// its current version, nobody asked for changes to that version, and its pain score is at or above the workspace's
// threshold. Pure: the route reads the facts under the piece's lock and asks this; the answer's reasons are the words
// of the 409 and of the disabled Publish button.

export interface GateReview {
  version: number;
  decision: 'pending' | 'approved' | 'changes_requested';
  reviewerName: string;
}

export interface GateFacts {
  version: number;
  /** The current version's pain score; null before it was analysed. */
  score: number | null;
  threshold: number;
  reviews: readonly GateReview[];
}

export interface GateAnswer {
  open: boolean;
  /** Each reason the gate is shut, as a sentence; empty when it is open. */
  reasons: string[];
  /** The sales members who approved the current version. */
  approvedBy: string[];
}

const names = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);

export function publishingGate(f: GateFacts): GateAnswer {
  const current = f.reviews.filter((r) => r.version === f.version);
  const approvedBy = current.filter((r) => r.decision === 'approved').map((r) => r.reviewerName);
  const changesBy = current.filter((r) => r.decision === 'changes_requested').map((r) => r.reviewerName);
  const reasons: string[] = [];
  if (changesBy.length > 0) reasons.push(`${names(changesBy)} asked for changes to this version.`);
  else if (approvedBy.length === 0) {
    const earlier = f.reviews.some((r) => r.version < f.version && r.decision === 'approved');
    reasons.push(earlier ? `No sales member has approved version ${f.version} yet: the approval was for an earlier version, before the last edit.` : 'No sales member has approved it yet.');
  }
  if (f.score === null) reasons.push('It has not been analysed yet: save it to get its pain score.');
  else if (f.score < f.threshold) reasons.push(`Its pain score is ${f.score}, below the workspace's threshold of ${f.threshold}.`);
  return { open: reasons.length === 0, reasons, approvedBy };
}
