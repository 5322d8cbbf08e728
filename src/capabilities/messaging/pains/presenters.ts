// How pains and evidence read over the API (SPEC S3, issue 12).
import type { Actor } from '../../../server/auth.js';
import { evidenceFigures, type EvidenceFact } from './domain.js';
import { canChangeEvidence, canEditPains, canRetirePains } from './policies.js';
import type { EvidenceRow, PainRow } from './store.js';

export function synonymsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** Synonyms as stored: trimmed, duplicates (case-folded) and the statement itself dropped, in the order given. */
export function cleanSynonyms(list: readonly string[], statement: string): string[] {
  const seen = new Set([statement.trim().toLowerCase()]);
  const out: string[] = [];
  for (const s of list) {
    const t = s.trim().replace(/\s+/g, ' ');
    const k = t.toLowerCase();
    if (t && !seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

export function presentPain(row: PainRow, facts: readonly EvidenceFact[], today: string, actor: Actor) {
  return {
    id: row.id,
    statement: row.statement,
    persona: row.persona,
    segment: row.segment,
    severity: row.severity,
    emotion: row.emotion,
    synonyms: synonymsOf(row.synonyms),
    status: row.status,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    retiredAt: row.retired_at,
    evidence: evidenceFigures(facts, today),
    you: { canEdit: canEditPains(actor), canRetire: canRetirePains(actor) },
  };
}

export function presentEvidence(row: EvidenceRow, actor: Actor) {
  return {
    id: row.id,
    date: row.date,
    account: row.account,
    deal: row.deal_id && row.deal_name !== null && row.deal_status ? { id: row.deal_id, name: row.deal_name, status: row.deal_status, amount: row.deal_amount === null ? null : Number(row.deal_amount) } : null,
    dealExternalId: row.deal_external_id,
    amount: row.amount === null ? null : Number(row.amount),
    outcome: row.outcome,
    quote: row.quote,
    notes: row.notes,
    pain: row.pain_id && row.pain_statement !== null && row.pain_status ? { id: row.pain_id, statement: row.pain_statement, status: row.pain_status } : null,
    piece: row.piece_id && row.piece_title !== null && row.piece_status ? { id: row.piece_id, title: row.piece_title, status: row.piece_status } : null,
    memberId: row.member_id,
    memberName: row.member_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    you: { canChange: canChangeEvidence(actor, row.member_id) },
  };
}

/** The fields of a pain an audit entry records. */
export const painAuditShape = (p: { statement: string; persona: string; segment: string; severity: number; emotion: string; synonyms: string[] }) => ({
  statement: p.statement,
  persona: p.persona,
  segment: p.segment,
  severity: p.severity,
  emotion: p.emotion,
  synonyms: p.synonyms,
});
