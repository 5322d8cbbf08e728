// wink-nlp with its English model, loaded once per process (SPEC S3, the pain analyzer): tokens with their
// character offsets, stems, negation and sentences. The typings of wink-nlp 2.4 declare its.stem / its.lemma
// with the model's addons as their third argument, which `out()` does not accept as an ItsFunction: the typed
// helpers below wrap them once so no other file casts.
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Sentence boundaries and negation only: no part-of-speech, entities or sentiment (the analysis needs neither). */
const nlp = winkNLP(model, ['sbd', 'negation']);
const its = nlp.its;

/** its.stem for `tokens().out(...)`: Porter 2 on the token's value (as written, so lower-case it first when it matters). */
export const itsStem = its.stem as unknown as ItsFunction<string>;
/** its.lemma for `tokens().out(...)`; meaningful only with a pipe that tags parts of speech (ours does not). */
export const itsLemma = its.lemma as unknown as ItsFunction<string>;

const porter = (model.addons as unknown as { stem: (word: string) => string }).stem;
const stemCache = new Map<string, string>();
/** The longest word stemmed ("pneumonoultramicroscopicsilicovolcanoconiosis" has 45 letters). */
const MAX_STEMMED = 64;

/**
 * The stem of a lower-case word: Porter 2, then a trailing "i" dropped from a long stem so that the -iation
 * nouns meet their verbs ("reconciliation" → "reconcili" → "reconcil", as "reconcile" and "reconciling").
 */
export function stemOf(normal: string): string {
  // No word of English is this long; the stemmer's patterns take time that grows with the square of the length
  // (100,000 letters without a space took over a minute), so a run of characters this long is its own stem.
  if (normal.length > MAX_STEMMED) return normal;
  let s = stemCache.get(normal);
  if (s !== undefined) return s;
  s = porter(normal);
  if (s.length >= 7 && s.endsWith('i')) s = s.slice(0, -1);
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(normal, s);
  return s;
}

export interface Token {
  /** As written. */
  value: string;
  /** Lower-case, contractions expanded by wink ("n't" → "not"). */
  normal: string;
  stem: string;
  /** wink's token type: word, number, punctuation, emoji, url, email, … */
  type: string;
  /** Inside a negation's scope by wink's model ("not", "never", "no" … up to the clause's end). */
  negated: boolean;
  stop: boolean;
  start: number;
  end: number;
  /** Index of its sentence; -1 for a line of markdown markers alone. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Token index range, inclusive. */
  first: number;
  last: number;
}

export interface ReadText {
  tokens: Token[];
  sentences: Sentence[];
}

/** How far past the previous token the next one is looked for in the text (whitespace between them). */
const SEARCH_AHEAD = 512;
const MARKDOWN_MARKER = /^(#{1,6}|[-*+>]|\d+[.)])$/;
const SENTENCE_END = /[.!?:;]$/;
/** A run of characters without a space longer than any word or ordinary link. */
const LONG_RUN_LENGTH = 200;
const LONG_RUN = /\S{200,}/g;
const BLANK = /^\s*$/;
const OPENER = /^["“'(]$/;

/** Whether a UTF-16 code unit is whitespace as a regular expression's \s reads it (the same set, without a RegExp call). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether the text has a run of LONG_RUN_LENGTH characters or more without whitespace (one scan, no RegExp). */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0;
    else if (++run >= LONG_RUN_LENGTH) return true;
  }
  return false;
}

/**
 * Tokens and sentences of a text in one pass of wink; a new line that starts a block (markdown) ends a sentence too.
 * wink's properties are read with one `out` per property over all tokens (each a loop inside wink), and its
 * sentences as token spans, not as items; a token's offset is where the text continues with it after whitespace.
 */
export function readText(text: string): ReadText {
  // wink's tokenizer takes time that grows with the square of a run without spaces (100,000 letters: 5 s). No
  // buyer language hides in a run that long (a long URL, a hash, pasted junk), so such runs are blanked for wink,
  // keeping their length: every other token keeps its offsets in the text as written.
  const read = hasLongRun(text) ? text.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : text;
  const doc = nlp.readDoc(read);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  meet(values);
  const normals = all.out(its.normal) as string[];
  const types = all.out(its.type) as string[];
  const negations = all.out(its.negationFlag) as unknown as boolean[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const tokens: Token[] = new Array<Token>(values.length);
  /** Tokens that are whitespace alone (wink may keep a line break as a token). */
  const blank = new Uint8Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    // Looked for just ahead of the last token only: a value wink wrote differently from the text must not send a
    // search to the end of a 100 KB text once per token. A word skips the whitespace before it first (a blanked run
    // is a long stretch of it); a line break that wink keeps as a token of its own is looked for where it is.
    if (value.length === 0 || !isSpace(value.charCodeAt(0))) {
      while (cursor < read.length && isSpace(read.charCodeAt(cursor))) cursor++;
      if (value.length === 0) blank[i] = 1;
    } else if (BLANK.test(value)) blank[i] = 1;
    let found: number;
    if (read.startsWith(value, cursor)) found = cursor;
    else {
      const ahead = read.slice(cursor, cursor + SEARCH_AHEAD + value.length).indexOf(value);
      found = ahead === -1 ? -1 : cursor + ahead;
    }
    const start = found === -1 ? cursor : found;
    const end = found === -1 ? cursor : start + value.length;
    cursor = end;
    const normal = normals[i] ?? value.toLowerCase();
    const type = types[i] ?? 'word';
    tokens[i] = { value, normal, stem: type === 'word' ? stemOf(normal) : normal, type, negated: negations[i] === true, stop: stops[i] === true, start, end, sentence: 0 };
  }

  // wink's sentences as token ranges, then split again at block starts: a blank line, a list item or a heading.
  const sentences: Sentence[] = [];
  const push = (first: number, last: number) => {
    // Leading markdown markers and punctuation are not part of what the sentence says.
    let f = first;
    while (f <= last && tokens[f]!.type !== 'word' && tokens[f]!.type !== 'number' && !OPENER.test(tokens[f]!.value)) f++;
    if (f > last) {
      for (let i = first; i <= last; i++) tokens[i]!.sentence = -1;
      return;
    }
    let l = last;
    while (l > f && blank[l] === 1) l--;
    const start = tokens[f]!.start;
    const end = tokens[l]!.end;
    const index = sentences.length;
    for (let i = first; i <= last; i++) tokens[i]!.sentence = index;
    sentences.push({ start, end, text: text.slice(start, end), first: f, last: l });
  };
  for (const span of doc.sentences().out(its.span as unknown as ItsFunction<number[]>) as unknown as number[][]) {
    const first = span[0]!;
    const last = span[1]!;
    if (last < first) continue;
    let from = first;
    let prev = -1;
    for (let i = first; i <= last; i++) {
      // wink may keep line breaks as tokens of their own: the gap runs from the last visible token.
      if (blank[i] === 1) continue;
      if (prev === -1) {
        prev = i;
        continue;
      }
      const gapStart = tokens[prev]!.end;
      const gapEnd = tokens[i]!.start;
      const was = prev;
      prev = i;
      const newline = text.indexOf('\n', gapStart);
      if (newline === -1 || newline >= gapEnd) continue;
      const blankLine = /\n\s*\n/.test(text.slice(gapStart, gapEnd));
      const marker = MARKDOWN_MARKER.test(tokens[i]!.value);
      const ended = SENTENCE_END.test(tokens[was]!.value);
      const softWrap = /^[a-z]/.test(tokens[i]!.value) && !ended;
      if (blankLine || marker || ended || !softWrap) {
        push(from, i - 1);
        from = i;
      }
    }
    push(from, last);
  }
  return { tokens, sentences };
}

/**
 * The stems of the runs of text (see `indexStemsOf`) as wink read them. wink's reading of a run depends on the run and
 * on its vocabulary, which only grows: every token it meets that it does not know becomes a word of it (with that
 * word's lower case). A run read as one token of itself is such a word from then on, read the same way for good
 * (`knownRuns`). A run read as several tokens ("leads." as "leads" and ".") would be read otherwise once its text, or
 * a part of it, became a word, so those are kept only until wink's vocabulary may have grown (`splitRuns`, emptied
 * whenever any reading here meets a token never met before: the only way a word is added).
 */
const knownRuns = new Map<string, readonly string[]>();
const splitRuns = new Map<string, readonly string[]>();
/** Every token value wink has given in this process: one it has not given before may be a new word of its vocabulary. */
const valuesMet = new Set<string>();
/** Distinct runs and token values kept; past this a memo starts again (a library's vocabulary is far smaller). */
const KEPT = 200_000;
const NO_STEMS: readonly string[] = Object.freeze([]);

/** Notes the token values of a wink reading; a value not met before empties `splitRuns`. */
function meet(values: readonly string[]): void {
  for (const v of values) {
    if (valuesMet.has(v)) continue;
    if (valuesMet.size >= KEPT) valuesMet.clear();
    valuesMet.add(v);
    splitRuns.clear();
  }
}

/**
 * Whether a UTF-16 code unit is one of the characters wink's tokenizer splits a text at before it reads anything
 * else (the English model's `trex.helpers.splitter`: `[ \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]+|[\n\r\t]+`):
 * 1 for the spaces (a run of them is whitespace to wink), 2 for line breaks and tabs (a run of them is a token).
 */
function splitKind(c: number): 0 | 1 | 2 {
  if (c === 0x20 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f) return 1;
  if (c === 0x0a || c === 0x0d || c === 0x09) return 2;
  return 0;
}

/** A copy of a string that holds no reference to the text it was cut from (V8 keeps a longer slice as a view of it). */
const detached = (s: string) => (s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le'));

/** The index's stems of one run, read by wink, and kept. */
function stemsOfPiece(piece: string): readonly string[] {
  const all = nlp.readDoc(piece).tokens();
  const normals = all.out(its.normal) as string[];
  const types = all.out(its.type) as string[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  let stems: string[] | null = null;
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'word' || stops[i] === true) continue;
    const normal = normals[i]!;
    if (normal.length > 1) (stems ??= []).push(stemOf(normal));
  }
  const found = stems ?? NO_STEMS;
  const values = all.out(its.value) as string[];
  meet(values);
  const memo = values.length === 1 && values[0] === piece ? knownRuns : splitRuns;
  if (memo.size >= KEPT) memo.clear();
  memo.set(detached(piece), found);
  return found;
}

/**
 * The stems of a text's words that are not stop words and have two letters or more — what the pain index holds —
 * the same as `readText` then that filter, without offsets, token objects or sentences: the index reads every
 * evidence quote this way (50,000 of them in a large library), so it is the cold build's cost and its garbage.
 *
 * wink cuts a text at spaces and line breaks first and reads each run between them on its own: what a run's tokens
 * are, and each token's normal form, type and stop-word flag, depend on that run and on wink's vocabulary alone (its
 * tokenizer never looks at a neighbouring run; sentence boundaries and negation, the only other steps of our pipe,
 * change none of them). So the text's stems are its runs' stems in order, each run read by wink on its own in the
 * same order (wink's vocabulary grows as it would have), except a run read before while wink's reading of it cannot have changed: that
 * one is looked up (`knownRuns`, `splitRuns`). A library's quotes share most of their runs, so a quote costs a few map
 * lookups instead of a wink document — whose garbage, 50,000 times
 * over, was most of the cold build's heap growth. Proved the same as the whole-text reading by test/unit/messaging/index-stems.test.ts.
 */
export function indexStemsOf(text: string): string[] {
  const read = hasLongRun(text) ? text.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : text;
  const stems: string[] = [];
  const n = read.length;
  let i = 0;
  while (i < n) {
    const kind = splitKind(read.charCodeAt(i));
    let j = i + 1;
    while (j < n && splitKind(read.charCodeAt(j)) === kind) j++;
    if (kind !== 1) {
      const piece = read.slice(i, j);
      for (const s of knownRuns.get(piece) ?? splitRuns.get(piece) ?? stemsOfPiece(piece)) stems.push(s);
    }
    i = j;
  }
  return stems;
}

/** The original path of `indexStemsOf`: one wink document for the whole text (kept for the tests that prove them the same). */
export function indexStemsOfWholeText(text: string): string[] {
  const read = hasLongRun(text) ? text.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : text;
  const all = nlp.readDoc(read).tokens();
  meet(all.out(its.value) as string[]);
  const normals = all.out(its.normal) as string[];
  const types = all.out(its.type) as string[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const stems: string[] = [];
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'word' || stops[i] === true) continue;
    const normal = normals[i]!;
    if (normal.length > 1) stems.push(stemOf(normal));
  }
  return stems;
}

/** wink's tokenising of a text alone, without our work: the yardstick of the analyzer's bench. */
export function tokeniseOnly(text: string): number {
  // Its tokens are not looked at: any may have been new to wink's vocabulary.
  splitRuns.clear();
  return nlp.readDoc(text).tokens().length();
}
