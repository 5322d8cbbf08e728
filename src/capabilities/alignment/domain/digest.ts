// The weekly digest (SPEC S6, S5 "the weekly digest opens with wins"): a member's week in one message — wins first,
// then KPI status, the coming check-in, shadow days this week, their to-dos, and last the disconnects (expectation
// gaps, missed check-ins, the messaging gap), never more disconnects than wins where there are wins, so the
// digest never reads as a list of complaints. Pure: it orders and words what the rooms reported.
import type { DigestItem, DigestSectionKey } from '../../../shared/contracts/digest.js';
import { DIGEST_SECTION_KEYS } from '../../../shared/contracts/digest.js';

export type DigestPartKey = DigestSectionKey | 'todos';

export interface DigestPart {
  key: DigestPartKey;
  title: string;
  items: DigestItem[];
}

export interface DigestTodo {
  key: string;
  title: string;
  href: string;
  due: string | null;
}

export const DIGEST_TITLES: Record<DigestPartKey, string> = {
  wins: 'Wins this week',
  kpis: 'KPI status',
  checkin: 'The coming check-in',
  shadow_days: 'Shadow days this week',
  todos: 'Your to-dos',
  disconnects: 'Disconnects to talk about',
};

/** Items listed per part; the rest are counted. */
export const DIGEST_ITEMS_SHOWN = 8;

/** The disconnects, cut to the number of wins when there are wins. */
export function capDisconnects(wins: readonly DigestItem[], disconnects: readonly DigestItem[]): DigestItem[] {
  return wins.length > 0 ? disconnects.slice(0, wins.length) : [...disconnects];
}

/** The parts in reading order: the rooms' sections in DIGEST_SECTION_KEYS order with the to-dos after shadow days. */
export function assembleDigest(sections: ReadonlyMap<DigestSectionKey, readonly DigestItem[]>, todos: readonly DigestTodo[]): DigestPart[] {
  const wins = [...(sections.get('wins') ?? [])];
  const parts: DigestPart[] = [];
  for (const key of DIGEST_SECTION_KEYS) {
    const items = key === 'disconnects' ? capDisconnects(wins, sections.get('disconnects') ?? []) : [...(sections.get(key) ?? [])];
    // Wins always open the digest, even empty; other parts only when they have something.
    if (key === 'wins' || items.length > 0) parts.push({ key, title: DIGEST_TITLES[key], items });
    if (key === 'shadow_days' && todos.length > 0) {
      parts.push({ key: 'todos', title: DIGEST_TITLES.todos, items: todos.map((t) => ({ id: t.key, text: t.title, detail: t.due ? `Due ${t.due}` : null, href: t.href, tone: 'neutral' as const })) });
    }
  }
  return parts;
}

/** The digest as plain paragraphs: one per part, a heading line then one line per item with its link. */
export function digestText(parts: readonly DigestPart[], link: (href: string) => string): string {
  return parts
    .map((p) => {
      const shown = p.items.slice(0, DIGEST_ITEMS_SHOWN);
      const lines = shown.map((i) => `• ${i.text}${i.detail ? ` — ${i.detail}` : ''} (${link(i.href)})`);
      if (p.items.length > shown.length) lines.push(`• and ${p.items.length - shown.length} more`);
      if (p.key === 'wins' && p.items.length === 0) lines.push('• No win was posted this week — who deserves a shout-out?');
      return [p.title, ...lines].join('\n');
    })
    .join('\n\n');
}

/** The subject: the week and, when there is one, the score. */
export function digestTitle(weekLabel: string, score: number | null, wins: number): string {
  const scorePart = score === null ? 'alignment not scored yet' : `alignment ${score}/100`;
  return `Your week in Lockstep (${weekLabel}): ${wins === 1 ? '1 win' : `${wins} wins`}, ${scorePart}`;
}
