// The pain score of a piece of copy (SPEC S3; decision record "pain analyzer matching and the score's
// weights"): four parts that add up to 0–100, each explained in words with its numbers, the band against the
// workspace's threshold, and the sentences a marketer should rewrite with a concrete hint each.
//
//   buyer-problem language  35  sentences naming the buyer's problem (or, for half, an outcome); full at two thirds
//   buyer focus             20  share of you/your among you/your + we/our/us; 10 when there are neither
//   feature and hype        20  loses 2 × the share of sentences that are feature-speak or hype; 0 at half the text
//   evidence-backed match   25  the best matched pain's similarity (from 0.2, full at 0.7) × how well evidence backs it
//
// Negation: a problem or feature word in a negated stretch ("no more manual reporting", "without spreadsheets",
// "never miss a lead") is a problem removed — buyer-problem language, not feature-speak.
//
// Structure (decision 046): the markdown body is read as copy (its syntax blanked, offsets kept); each word
// belongs to one list's longest term; a list of things (an enumeration, the short items of a bullet list) is
// feature-speak by its shape; a sentence opening with a remover ("Stop printing contracts") names a problem removed.
//
// Copy from outside (decision 055): the questions copy opens with name the buyer's situation; "we" in quoted speech
// is a customer's voice; a measured result is an outcome, even in a list; an email's greeting and sign-off are not copy.
import { lexicons } from './lexicons.js';
import { blankMarkdown } from './markdown.js';
import { readText, type ReadText, type Token } from './nlp.js';
import { HALF_LIFE_DAYS, MIN_SIMILARITY, type PainIndex } from './pain-matcher.js';
import type { Analysis, Band, FlaggedSentence, PainMatch, ScorePart } from './types.js';

export const PART_MAX = { problem: 35, buyer_focus: 20, feature_hype: 20, evidence_match: 25 } as const;
/** Below the threshold by up to this many points is "mixed"; further below is "feature-led". */
export const MIXED_WIDTH = 25;
/** Problem language gets full points when this share of the sentences speaks it. */
const PROBLEM_FULL_AT = 2 / 3;
/** Feature and hype language loses this many times the share of flagged sentences. */
const FEATURE_PENALTY = 2;
/** The best pain's similarity that gives the match part its full points. */
const MATCH_FULL_AT = 0.7;
/** Recency-weighted quotes (a quote today counts 1) at which a pain counts as fully evidence-backed. */
const EVIDENCE_FULL_AT = 3;
/** A remover ("no more", "without", "stop") reaches this many tokens ahead. */
const REMOVER_REACH = 4;

/** A text as the analysis reads it: its markdown syntax blanked (markdown.ts), its sentences as written. */
function readCopy(text: string): { read: ReadText; plain: string } {
  const plain = blankMarkdown(text);
  const read = readText(plain);
  for (const s of read.sentences) s.text = text.slice(s.start, s.end);
  return { read, plain };
}

/** The sentences of a text as the analysis and comment anchors count them. */
export function sentencesOf(text: string): Array<{ start: number; end: number; text: string }> {
  return readCopy(text).read.sentences.map(({ start, end, text: t }) => ({ start, end, text: t }));
}

interface Hit {
  term: string;
  index: number;
  length: number;
}

interface SentenceReading {
  problems: Hit[];
  /** Problem or feature words inside a negation or after a remover, or a remover that opens the sentence. */
  removed: Hit[];
  outcomes: Hit[];
  features: Hit[];
  hype: Hit[];
  buyer: number;
  self: string[];
  /** Words (and numbers) in the sentence. */
  words: number;
  /** The items of an enumeration of three or more short things ("templates, bulk send and API access"), or []. */
  list: string[];
  /** A result measured: an outcome with a number ("40% faster settlement") or a change between two numbers ("from 47 to 19"). */
  measured: boolean;
}

/** "and", "or", "&", "plus": what joins the last item of an enumeration. */
const LIST_JOINS = new Set(['and', 'or', '&', 'plus']);
/** An enumerated item is a short noun phrase: at most this many words. */
const LIST_ITEM_WORDS = 4;

const isWord = (t: Token) => t.type === 'word' || t.type === 'number';

/**
 * The items of the enumeration a sentence holds, found by its shape alone: chunks between commas, every chunk
 * after the first at most four words, the enumeration closed by "X and Y" (each side at most four words) or by a
 * third short chunk — "Gantt timelines, approval workflows, proofing tools and 100+ integrations". A clause joined
 * by "and" ("a buyer cools off and books a demo with someone else") is longer than an item, so it is no list.
 */
function enumerationIn(tokens: readonly Token[], first: number, last: number): string[] {
  const chunks: Token[][] = [[]];
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.value === ',' || t.value === ';') chunks.push([]);
    else if (isWord(t)) chunks[chunks.length - 1]!.push(t);
  }
  if (chunks.length < 2) return [];
  const phrase = (ts: Token[]) => ts.map((t) => t.value).join(' ');
  const items: string[] = [];
  const head = chunks[0]!;
  if (head.length === 0) return [];
  items.push(phrase(head.slice(-LIST_ITEM_WORDS)));
  for (let c = 1; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const join = chunk.findIndex((t) => LIST_JOINS.has(t.normal));
    if (join >= 1 && join <= LIST_ITEM_WORDS && chunk.length - join - 1 >= 1 && chunk.length - join - 1 <= LIST_ITEM_WORDS) {
      items.push(phrase(chunk.slice(0, join)), phrase(chunk.slice(join + 1)));
      break;
    }
    if (join === 0 && chunk.length >= 2 && chunk.length - 1 <= LIST_ITEM_WORDS) {
      // The Oxford comma: ", and API access".
      items.push(phrase(chunk.slice(1)));
      break;
    }
    if (chunk.length === 0 || chunk.length > LIST_ITEM_WORDS) break;
    items.push(phrase(chunk));
  }
  return items.length >= 3 ? items : [];
}

/**
 * The stretches of a text that are quoted speech: between “curly” or "straight" quote marks (paired within a
 * paragraph) and markdown blockquote lines. In copy they are a customer's words — a testimonial, a buyer's question —
 * so "we" and "our" inside them are the customer talking about their team, not the seller about itself.
 */
export function quotedSpans(plain: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const line of plain.matchAll(/^[ \t]{0,3}>.*$/gm)) spans.push([line.index, line.index + line[0].length]);
  for (const para of plain.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
    const at = para.index;
    for (const q of para[0].matchAll(/“[^”]*”|"[^"]*"/g)) spans.push([at + q.index, at + q.index + q[0].length]);
  }
  return spans;
}

const isNumber = (t: Token) => t.type === 'number' || /^[+−-]?\d/.test(t.value);

/**
 * Whether a sentence states a measured result: an outcome with a number in it ("40% faster settlement", "save 6
 * hours a week") or a change from one number to another ("from 47 days to 19", "down from 7 to 1"). A result is
 * what the product did for a buyer, with proof — not a thing the product has, even as an item of a list.
 */
function measuredIn(tokens: readonly Token[], first: number, last: number, outcome: boolean): boolean {
  let sawFrom = false;
  let fromNumber = false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (isNumber(t)) {
      if (outcome) return true;
      if (sawFrom) fromNumber = true;
    } else if (t.normal === 'from') {
      sawFrom = true;
      fromNumber = false;
    } else if (t.normal === 'to' && fromNumber && i < last && isNumber(tokens[i + 1]!)) return true;
  }
  return false;
}

/** Whether a token lies inside one of the spans: merged and sorted once, each token found by binary search. */
function insideAny(spans: Array<[number, number]>): (t: Token) => boolean {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const top = merged[merged.length - 1];
    if (top && a <= top[1]) top[1] = Math.max(top[1], b);
    else merged.push([a, b]);
  }
  return (t) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = merged[mid]!;
      if (t.start < a) hi = mid - 1;
      else if (t.start >= b) lo = mid + 1;
      else return t.end <= b;
    }
    return false;
  };
}

function readSentence(tokens: readonly Token[], first: number, last: number, quoted: (t: Token) => boolean = () => false): SentenceReading {
  const lx = lexicons();
  // Each word belongs to one list's term, the longest that covers it: "cutting-edge" is a claim, not the remover
  // "cut"; "trusted by" is a claim, not the outcome "trust".
  const found = {
    problem: lx.problem.find(tokens, first, last),
    feature: lx.feature.find(tokens, first, last),
    hype: lx.hype.find(tokens, first, last),
    outcome: lx.outcome.find(tokens, first, last),
    removers: lx.removers.find(tokens, first, last),
  };
  const families: Array<keyof typeof found> = ['problem', 'feature', 'hype', 'outcome', 'removers'];
  const sameFamily = (a: keyof typeof found, b: keyof typeof found) => a === b || (a !== 'problem' && a !== 'feature' && a !== 'hype' && b !== 'problem' && b !== 'feature' && b !== 'hype');
  const owned = (family: keyof typeof found) =>
    found[family].filter((h) =>
      families.every(
        (other) => sameFamily(family, other) || !found[other].some((o) => o.length > h.length && o.index <= h.index && o.index + o.length >= h.index + h.length),
      ),
    );
  const problemHits = owned('problem');
  const featureHits = owned('feature');
  const hypeHits = owned('hype');
  const outcomes = owned('outcome');
  const removers = owned('removers');
  const isRemoved = (h: Hit) => {
    if (tokens[h.index]!.negated) return true;
    return removers.some((r) => {
      const end = r.index + r.length - 1;
      return end < h.index && h.index - end <= REMOVER_REACH;
    });
  };
  const split = (hits: Hit[]) => {
    const kept: Hit[] = [];
    const gone: Hit[] = [];
    for (const h of hits) (isRemoved(h) ? gone : kept).push(h);
    return { kept, gone };
  };
  const problems = split(problemHits);
  const features = split(featureHits);
  const removed = [...problems.gone, ...features.gone];
  // A sentence that opens with a remover and goes on ("Stop printing contracts.", "No more late nights.") names
  // what it removes, whether or not the problem's own words are in a list: what is stopped is the buyer's problem.
  let firstWord = first;
  while (firstWord <= last && !isWord(tokens[firstWord]!)) firstWord++;
  const opener = removers.find((r) => r.index === firstWord);
  if (opener && removed.length === 0 && problems.kept.length === 0 && tokens.slice(opener.index + opener.length, last + 1).some(isWord)) removed.push(opener);
  let buyer = 0;
  let words = 0;
  const self: string[] = [];
  for (let i = first; i <= last; i++) {
    const n = tokens[i]!.normal;
    if (isWord(tokens[i]!)) words += 1;
    if (lx.buyer.has(n)) buyer += 1;
    else if (lx.self.has(n) && !quoted(tokens[i]!)) self.push(tokens[i]!.value);
  }
  return {
    problems: problems.kept,
    removed,
    measured: measuredIn(tokens, first, last, outcomes.length > 0),
    outcomes,
    features: features.kept,
    hype: split(hypeHits).kept,
    buyer,
    self,
    words,
    list: enumerationIn(tokens, first, last),
  };
}

const quote = (terms: string[], most = 3) =>
  [...new Set(terms.map((t) => t.toLowerCase()))]
    .slice(0, most)
    .map((t) => `“${t}”`)
    .join(', ');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function bandOf(score: number, threshold: number): Band {
  if (score >= threshold) return 'pain_based';
  if (score >= threshold - MIXED_WIDTH) return 'mixed';
  return 'feature_led';
}

/** The analysis of a text against a workspace's pains, with its threshold (0–100). */
export function analyzePiece(text: string, index: PainIndex, threshold: number): Analysis {
  const { read, plain } = readCopy(text);
  return analyzeRead(read, plain, index, threshold);
}

/** A list item's line: a bullet or an ordered list's number (blanked to a bullet) and nothing else before it. */
const LIST_ITEM_PREFIX = /^[ \t]*[-*+][ \t]+$/;
/** A bullet list of this many items or more is a list, whose short items without the buyer in them are features. */
const BULLET_RUN = 3;
/** A bullet item of at most this many words names a thing, not what it does for the buyer. */
const BULLET_ITEM_WORDS = 6;

/** A question among the copy's first this many sentences (after a title, a subject line or a greeting) opens it. */
const OPENING_SENTENCES = 3;
/** A question of fewer words is a name or an aside ("Which?"), not a question about the buyer's situation. */
const QUESTION_WORDS = 2;
const QUESTION_END = /\?["”’')\]]*$/;

/**
 * Which sentences are the questions copy opens with ("Tired of chasing invoices?", "Where are they? A Slack
 * thread?"): a question among the first sentences and the questions that follow it in a run. A reader takes such a
 * question as the copy naming the buyer's situation, whatever its words — the hook of problem-first copy. A
 * question later in the text is an FAQ or a call to action ("Do you have 20 minutes on Thursday?"), not a problem.
 */
function openingQuestions(sentences: ReadText['sentences'], readings: SentenceReading[]): boolean[] {
  const asks = sentences.map((s, i) => QUESTION_END.test(s.text.trimEnd()) && readings[i]!.words >= QUESTION_WORDS);
  const opening = asks.map(() => false);
  let i = asks.findIndex((a) => a);
  if (i === -1 || i >= OPENING_SENTENCES) return opening;
  while (i < asks.length && asks[i]) opening[i++] = true;
  return opening;
}

/** A greeting or a sign-off is a line of its own of at most this many words ending with a comma ("Hi Sarah,", "Best,"). */
const GREETING_WORDS = 3;

/** Which sentences are an email's greeting or sign-off: not copy, so neither a claim ("Best,") nor a sentence counted. */
function greetings(plain: string, sentences: ReadText['sentences'], readings: SentenceReading[]): boolean[] {
  return sentences.map((s, i) => {
    const lineStart = plain.lastIndexOf('\n', s.start - 1) + 1;
    const lineEnd = plain.indexOf('\n', s.end);
    const line = plain.slice(lineStart, lineEnd === -1 ? plain.length : lineEnd).trim();
    return line === plain.slice(s.start, s.end).trim() && line.endsWith(',') && readings[i]!.words <= GREETING_WORDS;
  });
}

/** Which sentences are items of a bullet list of BULLET_RUN or more items. */
function bulletRuns(plain: string, sentences: ReadText['sentences']): boolean[] {
  const item = sentences.map((s) => LIST_ITEM_PREFIX.test(plain.slice(plain.lastIndexOf('\n', s.start - 1) + 1, s.start)));
  const inRun = item.map(() => false);
  for (let i = 0; i < item.length; ) {
    let j = i;
    while (j < item.length && item[j]) j++;
    if (j - i >= BULLET_RUN) for (let k = i; k < j; k++) inRun[k] = true;
    i = Math.max(j, i + 1);
  }
  return inRun;
}

function analyzeRead(read: ReadText, plain: string, index: PainIndex, rawThreshold: number): Analysis {
  const threshold = Math.max(0, Math.min(100, Math.round(rawThreshold)));
  const { tokens, sentences } = read;
  const quoted = insideAny(quotedSpans(plain));
  const readings = sentences.map((s) => readSentence(tokens, s.first, s.last, quoted));
  const bullets = bulletRuns(plain, sentences);
  const opening = openingQuestions(sentences, readings);
  const greeting = greetings(plain, sentences, readings);
  const n = Math.max(1, sentences.length - greeting.filter(Boolean).length);
  const flagged: FlaggedSentence[] = [];
  const terms = { problems: [] as string[], outcomes: [] as string[], features: [] as string[], hype: [] as string[], tied: 0 };
  let problemSentences = 0;
  let questionSentences = 0;
  let outcomeSentences = 0;
  let measuredSentences = 0;
  let featureSentences = 0;
  let hypeSentences = 0;
  let buyer = 0;
  let self = 0;

  readings.forEach((r, i) => {
    const s = sentences[i]!;
    if (greeting[i]) return;
    // An opening question names the buyer's situation, unless it asks about a feature, claims or is about us ("Want AI
    // reports?", "Can we talk?").
    const asks = opening[i]! && r.problems.length === 0 && r.removed.length === 0 && r.features.length === 0 && r.hype.length === 0 && r.self.length === 0;
    const namesProblem = r.problems.length > 0 || r.removed.length > 0 || asks;
    if (asks) questionSentences += 1;
    // A list of things (an enumeration, or the short items of a bullet list) with neither the buyer's problem nor
    // the buyer in it is feature-speak by its shape, whatever its words; an outcome tagged on ("all in one place")
    // does not tie it to the buyer.
    const listed = !namesProblem && !r.measured && r.buyer === 0 && r.hype.length === 0 && (r.list.length > 0 || (bullets[i]! && r.words <= BULLET_ITEM_WORDS));
    const namesOutcome = (r.outcomes.length > 0 || r.measured) && !listed;
    if (namesProblem) problemSentences += 1;
    else if (namesOutcome) {
      outcomeSentences += 1;
      if (r.measured && r.outcomes.length === 0) measuredSentences += 1;
    }
    terms.problems.push(...r.problems.map((h) => h.term), ...r.removed.map((h) => h.term));
    terms.outcomes.push(...r.outcomes.map((h) => h.term));
    buyer += r.buyer;
    self += r.self.length;
    const at = { index: i, start: s.start, end: s.end, text: s.text };
    // One flag per sentence: a claim first (it is what a buyer skips), then feature-speak, then talk about us.
    if (r.hype.length > 0) {
      hypeSentences += 1;
      terms.hype.push(...r.hype.map((h) => h.term));
      flagged.push({ ...at, kind: 'hype', hint: `Claims ${quote(r.hype.map((h) => h.term), 2)} without proof — say what the buyer can now do, or give a number.` });
    } else if (listed) {
      featureSentences += 1;
      const items = r.list.length > 0 ? r.list : [s.text];
      terms.features.push(...(r.features.length > 0 ? r.features.map((h) => h.term) : items));
      flagged.push({
        ...at,
        kind: 'feature',
        hint:
          r.list.length > 0
            ? `Lists ${plural(items.length, 'thing')} the product has (${quote(items, 2)}, …) — for each, say what problem it removes for the buyer.`
            : `A list item that names a thing (${quote(items, 1)}) — say what problem it removes for the buyer.`,
      });
    } else if (r.features.length > 0 && !namesProblem && !namesOutcome) {
      featureSentences += 1;
      terms.features.push(...r.features.map((h) => h.term));
      flagged.push({ ...at, kind: 'feature', hint: `Names a feature (${quote(r.features.map((h) => h.term), 2)}) — say what problem it removes for the buyer.` });
    } else if (r.self.length > 0 && r.buyer === 0 && !namesProblem) {
      flagged.push({ ...at, kind: 'self_focus', hint: `Talks about us (${quote(r.self, 2)}) — say what the buyer gets.` });
    } else if (r.features.length > 0) {
      terms.tied += 1;
    }
  });

  const parts: ScorePart[] = [];

  // Buyer-problem language.
  {
    const max = PART_MAX.problem;
    const weighted = problemSentences + 0.5 * outcomeSentences;
    const points = sentences.length === 0 ? 0 : Math.round(max * Math.min(1, weighted / n / PROBLEM_FULL_AT));
    const explanation =
      problemSentences + outcomeSentences === 0
        ? `No sentence names a buyer problem or what the buyer gets once it is gone: 0 of ${max}.`
        : `${problemSentences} of ${plural(n, 'sentence')} name a buyer problem${terms.problems.length ? ` (${quote(terms.problems)})` : ''}` +
          `${questionSentences ? `${terms.problems.length ? ',' : ''} ${questionSentences === problemSentences ? '' : `${questionSentences} of them `}by the question${questionSentences === 1 ? '' : 's'} the copy opens with` : ''}` +
          `${outcomeSentences ? ` and ${outcomeSentences} more an outcome (${[terms.outcomes.length ? quote(terms.outcomes) : '', measuredSentences ? `${plural(measuredSentences, 'result')} measured from one number to another` : ''].filter(Boolean).join('; ')}, counted half)` : ''}; ` +
          `full points when ${Math.round(PROBLEM_FULL_AT * 100)}% of the sentences do: ${points} of ${max}.`;
    parts.push({ key: 'problem', label: 'Buyer-problem language', points, max, explanation });
  }

  // Buyer focus.
  {
    const max = PART_MAX.buyer_focus;
    if (sentences.length === 0) {
      parts.push({ key: 'buyer_focus', label: 'Buyer focus', points: 0, max, explanation: `There is no text to read: 0 of ${max}.` });
    } else if (buyer + self === 0) {
      const points = Math.round(max / 2);
      parts.push({ key: 'buyer_focus', label: 'Buyer focus', points, max, explanation: `Neither “you/your” nor “we/our/us” appears: ${points} of ${max}, neither for nor against.` });
    } else {
      const share = buyer / (buyer + self);
      const points = Math.round(max * share);
      parts.push({
        key: 'buyer_focus',
        label: 'Buyer focus',
        points,
        max,
        explanation: `“you/your” ${plural(buyer, 'time')}, “we/our/us” ${plural(self, 'time')}: ${Math.round(share * 100)}% of these words are about the buyer → ${points} of ${max}.`,
      });
    }
  }

  // Feature and hype language.
  {
    const max = PART_MAX.feature_hype;
    const flaggedShare = (featureSentences + hypeSentences) / n;
    const points = sentences.length === 0 ? 0 : Math.round(max * Math.max(0, 1 - FEATURE_PENALTY * flaggedShare));
    const found: string[] = [];
    if (featureSentences) found.push(`${plural(featureSentences, 'sentence')} name a feature without the buyer's problem (${quote(terms.features)})`);
    if (hypeSentences) found.push(`${plural(hypeSentences, 'sentence')} claim without proof (${quote(terms.hype)})`);
    const tied = terms.tied ? ` ${plural(terms.tied, 'sentence')} name a feature together with what it does for the buyer, which costs nothing.` : '';
    const explanation =
      sentences.length === 0
        ? `There is no text to read: 0 of ${max}.`
        : found.length
          ? `${found.join(' and ')}, of ${plural(n, 'sentence')}: ${points} of ${max} (none left when ${Math.round(100 / FEATURE_PENALTY)}% of the sentences are feature-speak or hype).${tied}`
          : `No sentence is feature-speak or hype: ${points} of ${max}.${tied}`;
    parts.push({ key: 'feature_hype', label: 'Feature and hype language', points, max, explanation });
  }

  // Match to evidence-backed pains.
  const matchedPains: PainMatch[] = index.matchRead(read, 5);
  {
    const max = PART_MAX.evidence_match;
    const top = matchedPains[0];
    if (!top) {
      const explanation =
        index.size === 0
          ? `The pain library is empty, so nothing can match: 0 of ${max}. Add the pains your buyers name.`
          : `No pain in the library matches this text: 0 of ${max}. Say which of your buyers' pains this removes, in their words.`;
      parts.push({ key: 'evidence_match', label: 'Match to evidence-backed pains', points: 0, max, explanation });
    } else {
      const ev = index.evidence(top.painId);
      const backing = 0.5 + 0.5 * Math.min(1, ev.weighted / EVIDENCE_FULL_AT);
      const closeness = Math.max(0, Math.min(1, (top.similarity - MIN_SIMILARITY) / (MATCH_FULL_AT - MIN_SIMILARITY)));
      const points = Math.round(max * closeness * backing);
      const via = top.viaQuotes ? `, via ${plural(top.viaQuotes, 'sales quote')}` : '';
      const explanation =
        `Best match “${index.statementOf(top.painId) ?? ''}” at ${Math.round(top.similarity * 100)}% similarity (points from ${MIN_SIMILARITY * 100}%, full at ${MATCH_FULL_AT * 100}%), ` +
        `matched on ${top.matchedOn.join(', ') || 'its words'}${via}; backed by ${plural(ev.quotes, 'evidence quote')} ` +
        `(${ev.weighted.toFixed(1)} weighted by recency, half-life ${HALF_LIFE_DAYS} days; fully backed at ${EVIDENCE_FULL_AT}): ${points} of ${max}.`;
      parts.push({ key: 'evidence_match', label: 'Match to evidence-backed pains', points, max, explanation });
    }
  }

  const score = Math.max(0, Math.min(100, parts.reduce((sum, p) => sum + p.points, 0)));
  return {
    score,
    band: bandOf(score, threshold),
    threshold,
    parts,
    matchedPains,
    flagged,
    sentences: sentences.map(({ start, end, text: t }) => ({ start, end, text: t })),
    words: tokens.filter((t) => t.type === 'word').length,
  };
}
