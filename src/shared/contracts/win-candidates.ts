// The win-candidates contract (SPEC S5 "Automatic wins", issue 13): a room whose data can show a win — goals (a KPI
// reaching its period target), deals (a won deal that marketing sourced), messaging (a published piece sales cites)
// — says what it would propose, without the wins room reaching into it (lint: lockstep/room-boundaries). The wins
// room's job asks every provider and writes each candidate as a proposal once, by its key; a member confirms or
// dismisses it. Providers only read.
import { wholeDollars } from '../money.js';
import type { Cents, Id, IsoInstant, LocalDate } from '../vocabulary.js';

/** The kinds of win (SPEC S5), in the order a form lists them. */
export const WIN_KINDS = ['deal_won', 'campaign_launched', 'kpi_target_hit', 'content_helped_sales', 'milestone', 'other'] as const;
export type WinKind = (typeof WIN_KINDS)[number];

/** What a candidate was found in. */
export const WIN_CANDIDATE_SOURCES = ['deal', 'kpi', 'piece'] as const;
export type WinCandidateSourceKind = (typeof WIN_CANDIDATE_SOURCES)[number];

export interface WinCandidate {
  /**
   * Stable per thing, so finding it again proposes nothing new: 'deal:<dealId>', 'kpi:<kpiId>:<period key>',
   * 'piece:<pieceId>'.
   */
  key: string;
  kind: WinKind;
  /** One line, plain text ("Northwind Logistics — Platform annual closed won"). */
  title: string;
  /** A few plain sentences: what happened, with the numbers. */
  story: string;
  /** The day it happened, in the workspace's calendar. */
  wonOn: LocalDate;
  /** The members the room suggests crediting (members of this workspace; may be empty: a leader then decides). */
  creditedMemberIds: Id[];
  /** A deal's amount; the wins room batches won deals below the workspace's small-deal threshold by week. */
  amountCents?: Cents | null;
  source: { kind: WinCandidateSourceKind; id: Id; label: string; href: string | null };
}

export interface WinCandidateContext {
  workspaceId: Id;
  /** Candidates for what happened on or after this instant's day (in the workspace's zone); older is old news. */
  since: IsoInstant;
  /** When they are gathered. */
  now: Date;
  timeZone: string;
}

export interface WinCandidateProvider {
  /** The room that reports (its Capability name). */
  room: string;
  candidates(ctx: WinCandidateContext): Promise<WinCandidate[]>;
}

/** A won deal's title, as every room that offers one words it ("Contoso closed won: $24,000"). */
export function wonDealTitle(name: string, amountCents: number | null): string {
  return amountCents === null ? `${name} closed won` : `${name} closed won: ${wholeDollars(amountCents)}`;
}
