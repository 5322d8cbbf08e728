// The weekly-digest contract (SPEC S6, S5 "the weekly digest opens with wins"): each room reports its part of a
// member's weekly digest — wins, KPI status, the coming check-in, shadow days this week, disconnects — and the
// alignment room assembles them in this order with the member's to-dos, sending it through the outbox. A room
// never sends a digest of its own.

/** The digest's sections, in the order a reader meets them (to-dos come from the to-dos contract, after shadow_days). */
export const DIGEST_SECTION_KEYS = ['wins', 'kpis', 'checkin', 'shadow_days', 'disconnects'] as const;
export type DigestSectionKey = (typeof DIGEST_SECTION_KEYS)[number];

export type DigestTone = 'celebrate' | 'good' | 'neutral' | 'warning' | 'alert';

export interface DigestItem {
  /** Stable within the section, e.g. `win:<id>`. */
  id: string;
  /** One sentence a person reads in an email, with its numbers ("Marketing's MQLs are at 82% of target"). */
  text: string;
  detail: string | null;
  /** A path in the app ('/wins/42'); the digest makes it absolute with PUBLIC_URL. */
  href: string;
  tone: DigestTone;
}

export interface DigestContext {
  workspaceId: string;
  /** Whose digest it is: a section may be personal (their shadow day) or the same for all. */
  memberId: string;
  /** The week it covers: [since, until), UTC ISO-8601; "coming" means from `until` on. */
  since: string;
  until: string;
  timeZone: string;
  now: Date;
}

export interface DigestSectionProvider {
  room: string;
  key: DigestSectionKey;
  build(ctx: DigestContext): Promise<DigestItem[]>;
}
