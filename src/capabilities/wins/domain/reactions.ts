// Reactions on a win (SPEC S5 "reactions (a few emoji)"): five, always shown in this order with their counts, so
// the row never jumps as people react.
export const WIN_EMOJIS = ['tada', 'clap', 'rocket', 'heart', 'raised_hands'] as const;
export type WinEmoji = (typeof WIN_EMOJIS)[number];

export const EMOJI_GLYPH: Record<WinEmoji, string> = { tada: '🎉', clap: '👏', rocket: '🚀', heart: '❤️', raised_hands: '🙌' };

/** All five emoji with their counts and whether the reader gave each, from the (emoji, member) rows of one win. */
export function reactionSummary(rows: ReadonlyArray<{ emoji: string; memberId: string }>, readerId: string): Array<{ emoji: WinEmoji; count: number; mine: boolean }> {
  return WIN_EMOJIS.map((emoji) => {
    const of = rows.filter((r) => r.emoji === emoji);
    return { emoji, count: of.length, mine: of.some((r) => r.memberId === readerId) };
  });
}
