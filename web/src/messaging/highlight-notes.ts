// What the highlight view marks on each sentence (issue 12): the analyzer's flags (feature-speak, hype, self-focus,
// with their hints) and the reviewers' comments anchored to sentences. A comment is anchored to a sentence of the
// version it was written on (decision 041: its index and its text then); it is placed on the sentence of the text
// shown that reads the same — by its index when that still reads the same, else the first that does — so a comment
// stays on its sentence while the author edits around it, and is listed apart once that sentence is gone. Pure.
import type { CommentView, PieceAnalysisView } from './piece-types.js';

export type Flag = PieceAnalysisView['flagged'][number];

/** A flag with its number in the list of sentences to rework (1 first, in reading order). */
export interface NumberedFlag extends Flag {
  n: number;
}

export interface SentenceNote {
  /** The range key in the rendered markdown. */
  key: string;
  /** The sentence's index in the analysis shown. */
  index: number;
  start: number;
  end: number;
  flags: NumberedFlag[];
  comments: CommentView[];
}

export interface HighlightNotes {
  /** The sentences carrying a flag or a comment, in reading order. */
  notes: SentenceNote[];
  /** The flags in reading order, numbered. */
  flags: NumberedFlag[];
  /** Comments on a sentence no longer in the text shown. */
  unplaced: CommentView[];
}

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

export function notesOf(text: string, analysis: Pick<PieceAnalysisView, 'flagged' | 'sentences'>, comments: readonly CommentView[]): HighlightNotes {
  const byIndex = new Map<number, SentenceNote>();
  const noteFor = (index: number, start: number, end: number): SentenceNote => {
    let note = byIndex.get(index);
    if (!note) {
      note = { key: `s${index}`, index, start, end, flags: [], comments: [] };
      byIndex.set(index, note);
    } else {
      note.start = Math.min(note.start, start);
      note.end = Math.max(note.end, end);
    }
    return note;
  };
  const flags = analysis.flagged
    .filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)
    .sort((a, b) => a.start - b.start)
    .map((f, i) => ({ ...f, n: i + 1 }));
  for (const f of flags) noteFor(f.index, f.start, f.end).flags.push(f);

  const unplaced: CommentView[] = [];
  for (const c of comments) {
    if (c.sentenceText === null) continue;
    const wanted = c.sentenceText;
    const at = c.sentenceIndex !== null && analysis.sentences[c.sentenceIndex] && same(analysis.sentences[c.sentenceIndex]!.text, wanted) ? c.sentenceIndex : analysis.sentences.findIndex((s) => same(s.text, wanted));
    const s = at === -1 ? undefined : analysis.sentences[at];
    if (!s || s.end > text.length) {
      unplaced.push(c);
      continue;
    }
    noteFor(at, s.start, s.end).comments.push(c);
  }
  const notes = [...byIndex.values()].sort((a, b) => a.start - b.start);
  return { notes, flags, unplaced };
}
