// The deal-citations contract (issue 11 "each deal's link to the evidence and wins that cite it"): a room that holds
// things pointing at a deal — messaging's evidence (evidence.deal_id), the wins room's wins — says, for a batch of
// a workspace's deals, what cites each one. The deals room reads every provider for its deal drawer without
// importing the rooms (lint: lockstep/room-boundaries). Answers are bounded: at most `limit` citations a deal from
// each room, newest first, with the room's full count beside them.
import type { Id, LocalDate } from '../vocabulary.js';

/** What can cite a deal: sales evidence today; a win when the wins room is built. */
export const DEAL_CITATION_KINDS = ['evidence', 'win'] as const;
export type DealCitationKind = (typeof DEAL_CITATION_KINDS)[number];

/** At most this many citations a deal, from each room and together. */
export const DEAL_CITATIONS_PER_DEAL = 20;
/** At most this many deals in one request to a provider. */
export const DEAL_CITATIONS_MAX_DEALS = 200;
/** Excerpts are cut to this many characters (an ellipsis added), so a long quote or story stays a line or two. */
export const DEAL_CITATION_EXCERPT_CHARS = 240;

export interface DealCitation {
  kind: DealCitationKind;
  /** The citing thing's id in its room (an evidence entry's, a win's). */
  id: Id;
  /** What it is, in a few words: the account the evidence was heard from, the win's title. */
  title: string;
  /** Its own words, cut to DEAL_CITATION_EXCERPT_CHARS: the buyer's quote, the win's story; null when it has none. */
  excerpt: string | null;
  /** What it is about: the pain the evidence shows, what the win moved; null when nothing is confirmed. */
  about: string | null;
  /** The day it happened (evidence heard, win recorded), in the workspace's calendar. */
  date: LocalDate;
  /** Who logged or recorded it, as the workspace names them; null when no member is (or is still) linked. */
  who: string | null;
  /** Where it is shown in the app (the evidence's pain, the win). */
  href: string;
}

/** One deal's citations from one room: the newest `limit`, and how many there are in all. */
export interface DealCitationGroup {
  dealId: Id;
  items: DealCitation[];
  total: number;
}

export interface DealCitationsRequest {
  workspaceId: Id;
  /** The deals asked about: ids of deals of this workspace (at most DEAL_CITATIONS_MAX_DEALS). */
  dealIds: readonly Id[];
  /** At most this many items a deal. */
  limit: number;
}

export interface DealCitationProvider {
  /** The room that reports (its Capability name). */
  room: string;
  /** One group for each asked deal that this room has citations of (deals with none may be left out). */
  citations(req: DealCitationsRequest): Promise<DealCitationGroup[]>;
}

/** `text` cut to `max` characters at a word where it can, with an ellipsis; whitespace runs read as one space. */
export function excerptOf(text: string, max = DEAL_CITATION_EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Newest first; on the same day evidence before wins, then by id, so a list never reorders between reads. */
export function compareCitations(a: DealCitation, b: DealCitation): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.kind !== b.kind) return DEAL_CITATION_KINDS.indexOf(a.kind) - DEAL_CITATION_KINDS.indexOf(b.kind);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A citation with the room that reported it. */
export type RoomDealCitation = DealCitation & { room: string };

/**
 * Every room's groups as one list a deal: the newest `limit` across rooms, and the rooms' counts added up. Each
 * room's answer is cut to `limit` (a provider that sends more is not trusted to have sorted them) and only the
 * asked deals are kept, so a provider cannot slip in another deal's citations.
 */
export function mergeDealCitations(
  answers: ReadonlyArray<{ room: string; groups: readonly DealCitationGroup[] }>,
  dealIds: readonly Id[],
  limit: number,
): Map<Id, { items: RoomDealCitation[]; total: number }> {
  const out = new Map<Id, { items: RoomDealCitation[]; total: number }>(dealIds.map((id) => [id, { items: [], total: 0 }]));
  for (const { room, groups } of answers) {
    for (const g of groups) {
      const into = out.get(g.dealId);
      if (!into) continue;
      const items = [...g.items].sort(compareCitations).slice(0, limit);
      into.items.push(...items.map((c) => ({ ...c, room })));
      into.total += Math.max(g.total, items.length);
    }
  }
  for (const v of out.values()) v.items = v.items.sort(compareCitations).slice(0, limit);
  return out;
}
