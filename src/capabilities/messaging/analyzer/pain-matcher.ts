// Which pains a text addresses (SPEC S3; decision record "pain analyzer matching"): BM25 over two fields kept
// apart — each pain's statement with its synonyms, and each evidence quote on its own — on wink's stems. The
// quotes hold the buyers' own words, which is how copy that shares no word with a pain's statement still finds
// it ("inbound leads go cold before anyone calls them" → "slow first response to new leads" through "our reps
// call back two days later"). A quote weighs by its age (half-life below), and a pain's quote score is a decaying
// sum of its best quotes, so several buyers saying it count for more than one. A third field, each pain's profile
// (its statement's words and all its quotes' as one document, decision 063), finds the pain whose buyers between
// them said what the copy says, when no one quote says much of it. Long texts are matched in windows of a few
// sentences, so a pain a piece addresses in one paragraph is found as surely as in a short ad.
import { Bm25Field } from './bm25.js';
import { indexStemsOf, readText, type ReadText, type Token } from './nlp.js';
import type { PainDoc, PainMatch } from './types.js';

/** A quote loses half its weight every 180 days: last quarter's calls count for ~70%, last year's for ~25%. */
export const HALF_LIFE_DAYS = 180;
const CORE_PARAMS = { k1: 1.2, b: 0.5 };
const QUOTE_PARAMS = { k1: 1.2, b: 0.75 };
const PROFILE_PARAMS = { k1: 1.2, b: 0.75 };
/** How much the quotes field weighs against the statement and synonyms. */
const QUOTE_WEIGHT = 0.8;
/** How much a pain's profile (everything said of it, as one document) weighs against its statement and synonyms. */
const PROFILE_WEIGHT = 2;
/** The n-th best quote of a pain counts QUOTE_DECAY^n of its score. */
const QUOTE_DECAY = 0.6;
/** Below this similarity a pain is not reported as matched. */
export const MIN_SIMILARITY = 0.2;
/** A word in more quotes than this share of a library (and more than PRUNE_MIN_DF) is not looked up in quotes. */
const PRUNE_SHARE = 0.05;
const PRUNE_MIN_DF = 200;
/** A word in more pains' profiles than this share of the library (and more than PROFILE_PRUNE_MIN_DF) is not looked up there. */
const PROFILE_PRUNE_SHARE = 0.1;
const PROFILE_PRUNE_MIN_DF = 50;
/** Sentences per window when matching a long text, and how far a window moves. */
const WINDOW = 4;
const STRIDE = 3;
const DAY_MS = 86_400_000;

interface Entry {
  id: string;
  /** Its place in the per-pain arrays of a match. */
  slot: number;
  statement: string;
  core: number;
  /** Its profile document: the statement's and synonyms' words and each quote's, every word counted once a part. */
  profile: number;
  quotes: Array<{ doc: number; day: number; text: string }>;
}

/** A pain's best quotes kept per window: beyond the fifth, 0.6⁵ makes a quote count for less than a tenth. */
const TOP_QUOTES = 5;

type Query = Map<string, { weight: number; surface: string }>;

function indexed(t: Token): boolean {
  return t.type === 'word' && !t.stop && t.normal.length > 1;
}

/** The stems of a text that the index holds (words, no stop words). */
export function indexTermsOf(text: string): string[] {
  return indexStemsOf(text);
}

function queryOf(tokens: readonly Token[], first: number, last: number): Query {
  const counts = new Map<string, { n: number; surface: string }>();
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (!indexed(t)) continue;
    const c = counts.get(t.stem);
    if (c) c.n += 1;
    else counts.set(t.stem, { n: 1, surface: t.normal });
  }
  const q: Query = new Map();
  for (const [stem, c] of counts) q.set(stem, { weight: 1 + Math.log(c.n), surface: c.surface });
  return q;
}

function dayOf(date: string): number {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : Number.NaN;
}

export class PainIndex {
  private readonly core = new Bm25Field(CORE_PARAMS);
  private readonly quotes = new Bm25Field(QUOTE_PARAMS);
  private readonly profiles = new Bm25Field(PROFILE_PARAMS);
  private readonly entries = new Map<string, Entry>();
  private readonly slots: Array<Entry | null> = [];
  /** Core document id → slot of its pain (−1 once removed). */
  private readonly coreOwner: number[] = [];
  /** Quote document id → slot of its pain (−1 once removed). */
  private readonly quoteOwner: number[] = [];
  /** Profile document id → slot of its pain (−1 once replaced or removed). */
  private readonly profileOwner: number[] = [];
  private readonly quoteDay: number[] = [];
  /** Each quote's recency weight as of `recencyToday`, recomputed when the day changes. */
  private readonly quoteRecency: number[] = [];
  private recencyToday = Number.NaN;

  private constructor(private readonly fixedNow: Date | undefined) {}

  /** An index of these pains; `now` fixes the date recency is measured from (tests), otherwise the clock's. */
  static build(pains: PainDoc[], now?: Date): PainIndex {
    const index = new PainIndex(now);
    for (const p of pains) index.upsertPain(p);
    return index;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Adds a pain or replaces the one with its id (statement, synonyms and quotes all replaced). The statement and
   * synonyms count each word once: synonyms are other ways to say it, not emphasis, so a word they repeat
   * ("reporting", "manual reporting", "reporting pack") does not make one shared word a strong match.
   */
  upsertPain(p: PainDoc): void {
    // A pain read again keeps its slot, so edits do not grow the per-pain arrays of a match.
    const slot = this.entries.get(p.id)?.slot ?? this.slots.length;
    this.removePain(p.id);
    const entry: Entry = { id: p.id, slot, statement: p.statement, core: this.core.add([...new Set(indexTermsOf([p.statement, ...p.synonyms].join('.\n')))]), profile: -1, quotes: [] };
    this.slots[slot] = entry;
    this.coreOwner[entry.core] = slot;
    this.entries.set(p.id, entry);
    for (const q of p.quotes) this.addQuoteTo(entry, q);
    this.writeProfile(entry);
  }

  /**
   * A pain's profile written again from its statement's and quotes' words as the index already holds them (no text
   * read again): the cost of one pain, not of the library.
   */
  private writeProfile(entry: Entry): void {
    if (entry.profile >= 0) {
      this.profiles.remove(entry.profile);
      this.profileOwner[entry.profile] = -1;
    }
    const stems: string[] = [...(this.core.termsOf(entry.core) ?? [])];
    for (const q of entry.quotes) for (const term of this.quotes.termsOf(q.doc) ?? []) stems.push(term);
    entry.profile = this.profiles.add(stems);
    this.profileOwner[entry.profile] = entry.slot;
  }

  removePain(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.slots[entry.slot] = null;
    this.core.remove(entry.core);
    this.coreOwner[entry.core] = -1;
    this.profiles.remove(entry.profile);
    this.profileOwner[entry.profile] = -1;
    for (const q of entry.quotes) {
      this.quotes.remove(q.doc);
      this.quoteOwner[q.doc] = -1;
    }
  }

  /** Adds one evidence quote to a pain the index holds (a pain it does not hold is not one to match: ignored). */
  addQuote(painId: string, quote: { text: string; date: string }): void {
    const entry = this.entries.get(painId);
    if (!entry) return;
    this.addQuoteTo(entry, quote);
    this.writeProfile(entry);
  }

  private addQuoteTo(entry: Entry, quote: { text: string; date: string }): void {
    const doc = this.quotes.add(indexTermsOf(quote.text));
    const day = dayOf(quote.date);
    this.quoteOwner[doc] = entry.slot;
    this.quoteDay[doc] = day;
    this.quoteRecency[doc] = this.recency(day, Number.isNaN(this.recencyToday) ? this.today() : this.recencyToday);
    entry.quotes.push({ doc, day, text: quote.text });
  }

  has(painId: string): boolean {
    return this.entries.has(painId);
  }

  statementOf(painId: string): string | null {
    return this.entries.get(painId)?.statement ?? null;
  }

  private today(): number {
    return Math.floor((this.fixedNow ?? new Date()).getTime() / DAY_MS);
  }

  private recency(day: number, today: number): number {
    if (Number.isNaN(day)) return 0.5;
    return 0.5 ** (Math.max(0, today - day) / HALF_LIFE_DAYS);
  }

  /** A pain's evidence: how many quotes, and their sum weighted by recency (a quote today counts 1). */
  evidence(painId: string): { quotes: number; weighted: number } {
    const entry = this.entries.get(painId);
    if (!entry) return { quotes: 0, weighted: 0 };
    const today = this.today();
    let weighted = 0;
    for (const q of entry.quotes) weighted += this.recency(q.day, today);
    return { quotes: entry.quotes.length, weighted };
  }

  /** The quote of a pain that shares the most words with a text (the most recent of those), for showing; null without quotes. */
  sampleQuote(painId: string, text = ''): string | null {
    const entry = this.entries.get(painId);
    if (!entry || entry.quotes.length === 0) return null;
    const stems = new Set(indexTermsOf(text));
    let best: { text: string; shared: number; day: number } | null = null;
    for (const q of entry.quotes) {
      let shared = 0;
      for (const term of this.quotes.termsOf(q.doc) ?? []) if (stems.has(term)) shared += 1;
      const day = Number.isNaN(q.day) ? -Infinity : q.day;
      if (!best || shared > best.shared || (shared === best.shared && day > best.day)) best = { text: q.text, shared, day };
    }
    return best?.text ?? null;
  }

  /** The pains a text addresses, the most similar first (at most `limit`, only those at MIN_SIMILARITY or more). */
  match(text: string, limit = 5): PainMatch[] {
    return this.matchRead(readText(text), limit);
  }

  /**
   * `match` on a text wink has already read (the analysis reads it once for everything).
   *
   * The scores are the ones a plain term-at-a-time pass over every window gives (decision 045), worked out in
   * less time: each of the text's distinct words is looked up once, an upper bound of each pain's best window is
   * summed from its words' highest weight in any window, and the pains are then scored exactly, window by window,
   * the highest bound first, until no bound left can reach the last of the `limit` best (or the reporting floor).
   * Every addition happens in the same order as in that plain pass, so the similarities are the same to the bit.
   */
  matchRead(read: ReadText, limit = 5): PainMatch[] {
    if (this.entries.size === 0 || read.sentences.length === 0 || limit <= 0) return [];
    const today = this.today();
    if (today !== this.recencyToday) {
      for (let doc = 0; doc < this.quoteDay.length; doc++) this.quoteRecency[doc] = this.recency(this.quoteDay[doc] ?? Number.NaN, today);
      this.recencyToday = today;
    }
    const np = this.slots.length;

    // The windows as queries: each window's words (as ids of the text's distinct stems) with their weight
    // 1 + ln(count), in the order they first appear in the window — the order every sum below adds them in.
    const windows = this.windowsOf(read);
    const termId = new Map<string, number>();
    const terms: string[] = [];
    const qTerm: number[] = [];
    const qWeight: number[] = [];
    const qStart: number[] = [0];
    const counts = new Map<number, number>();
    for (const [first, last] of windows) {
      for (let i = first; i <= last; i++) {
        const t = read.tokens[i]!;
        if (!indexed(t)) continue;
        let id = termId.get(t.stem);
        if (id === undefined) {
          id = terms.length;
          termId.set(t.stem, id);
          terms.push(t.stem);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, n] of counts) {
        qTerm.push(id);
        qWeight.push(1 + Math.log(n));
      }
      qStart.push(qTerm.length);
      counts.clear();
    }
    const nt = terms.length;
    if (nt === 0) return [];
    const maxWeight = new Float64Array(nt);
    for (let j = 0; j < qTerm.length; j++) if (qWeight[j]! > maxWeight[qTerm[j]!]!) maxWeight[qTerm[j]!] = qWeight[j]!;

    const s = this.scratchFor(np, this.quotes.capacity);
    const { coreBound, topBound, quoteScore } = s;
    const touchedPains: number[] = [];
    const touch = (slot: number) => {
      if (s.mark[slot] === 0) {
        s.mark[slot] = 1;
        touchedPains.push(slot);
      }
    };

    // Statements and synonyms, then profiles: each (pain, word) once per field, with the word's idf and the
    // document's saturated tf. A word in many profiles of a large library is not looked up there, as in quotes.
    // Kept in the scratch's typed arrays, not an object each: a long piece weighs tens of thousands of them.
    let nc = 0;
    const fixedField = (field: Bm25Field, owner: readonly number[], weight: number, prune: number) => {
      for (let t = 0; t < nt; t++) {
        const postings = field.postingsOf(terms[t]!);
        if (!postings || postings.length / 2 > prune) continue;
        const idf = field.idf(terms[t]!);
        for (let i = 0; i < postings.length; i += 2) {
          const slot = owner[postings[i]!] ?? -1;
          if (slot < 0) continue;
          const w = weight * idf * field.saturated(postings[i]!, postings[i + 1]!);
          s.reserveCore(nc + 1);
          s.cSlot[nc] = slot;
          s.cTerm[nc] = t;
          s.cW[nc] = w;
          nc++;
          coreBound[slot] = coreBound[slot]! + w * maxWeight[t]!;
          touch(slot);
        }
      }
    };
    fixedField(this.core, this.coreOwner, 1, Number.POSITIVE_INFINITY);
    fixedField(this.profiles, this.profileOwner, PROFILE_WEIGHT, Math.max(PROFILE_PRUNE_MIN_DF, PROFILE_PRUNE_SHARE * this.profiles.size));

    // Quotes: each (quote, word) once with its weight idf × saturated tf × recency. A word in more than
    // PRUNE_SHARE of a large library's quotes ("customers", "team") is not looked up there: it says little about
    // which pain is meant and costs the most to add up. A quote's bound is its words at their highest weight.
    const pruneDf = Math.max(PRUNE_MIN_DF, PRUNE_SHARE * this.quotes.size);
    let n = 0;
    for (let t = 0; t < nt; t++) {
      const postings = this.quotes.postingsOf(terms[t]!);
      if (!postings || postings.length / 2 > pruneDf) continue;
      s.reserve(n + postings.length / 2);
      const idf = this.quotes.idf(terms[t]!);
      for (let i = 0; i < postings.length; i += 2) {
        const doc = postings[i]!;
        const slot = this.quoteOwner[doc] ?? -1;
        if (slot < 0) continue;
        const w = idf * this.quotes.saturated(doc, postings[i + 1]!) * (this.quoteRecency[doc] ?? 0.5);
        s.eDoc[n] = doc;
        s.eTerm[n] = t;
        s.eWeight[n] = w;
        s.eSlot[n] = slot;
        n++;
        if (quoteScore[doc] === 0) s.touchedQuotes.push(doc);
        quoteScore[doc] = quoteScore[doc]! + w * maxWeight[t]!;
      }
    }
    for (const doc of s.touchedQuotes) {
      const slot = this.quoteOwner[doc]!;
      const b = quoteScore[doc]!;
      quoteScore[doc] = 0;
      touch(slot);
      insertTop(topBound, slot * TOP_QUOTES, b);
    }
    s.touchedQuotes.length = 0;

    // The entries grouped by pain (a counting sort, stable: within a pain they stay in word order).
    const { from, at } = s;
    groupStarts(touchedPains, s.eSlot, n, from, at);
    s.reserveSorted(n);
    for (let e = 0; e < n; e++) {
      const slot = s.eSlot[e]!;
      const k = at[slot]!;
      at[slot] = k + 1;
      s.sDoc[k] = s.eDoc[e]!;
      s.sTerm[k] = s.eTerm[e]!;
      s.sWeight[k] = s.eWeight[e]!;
    }
    // at[slot] is now the end of the pain's entries. The core entries, grouped the same way.
    const { cFrom, cAt } = s;
    groupStarts(touchedPains, s.cSlot, nc, cFrom, cAt);
    s.reserveCoreSorted(nc);
    for (let e = 0; e < nc; e++) {
      const slot = s.cSlot[e]!;
      const k = cAt[slot]!;
      cAt[slot] = k + 1;
      s.gTerm[k] = s.cTerm[e]!;
      s.gW[k] = s.cW[e]!;
    }

    // Each pain's bound: its statement's words at their highest weight, plus its best quotes' bounds as the
    // decaying sum adds them. No window can score a pain above it.
    const bounds: Array<{ slot: number; bound: number }> = [];
    for (const slot of touchedPains) {
      let agg = 0;
      let f = 1;
      for (let k = 0; k < TOP_QUOTES; k++) {
        agg += topBound[slot * TOP_QUOTES + k]! * f;
        topBound[slot * TOP_QUOTES + k] = 0;
        f *= QUOTE_DECAY;
      }
      bounds.push({ slot, bound: coreBound[slot]! + QUOTE_WEIGHT * agg });
      coreBound[slot] = 0;
      s.mark[slot] = 0;
    }
    bounds.sort((a, b) => b.bound - a.bound);

    // Exact scores, the highest bound first. A bound is compared with a margin (a millionth) far wider than
    // any rounding between the bound's sums and the exact ones, so no pain that could rank is skipped.
    // "Similarity" saturates the raw score against what three words found in one pain only would weigh here: each
    // weighs its idf in the statement field and, through the profile, PROFILE_WEIGHT × its idf there.
    const scale = 3 * (this.core.idfOfOne() + PROFILE_WEIGHT * this.profiles.idfOfOne());
    const floor = (MIN_SIMILARITY * scale) / (1 - MIN_SIMILARITY);
    const bestRaws: number[] = [];
    const found: Array<{ slot: number; raw: number; window: number; via: number }> = [];
    const termFrom = s.termRange(nt);
    /** Per word, its weight in the pain's statement and profile together (−1: in neither). */
    const coreW = new Float64Array(nt).fill(-1);
    /** Per word, the decaying sum of the pain's best quote weights for that word alone. */
    const wordBound = new Float64Array(nt);
    const top = new Float64Array(TOP_QUOTES);
    const touchedQuotes = s.touchedQuotes;
    const margin = 1 + 1e-6;
    for (const { slot, bound } of bounds) {
      const full = bestRaws.length >= limit;
      if (bound * margin < floor || (full && bound * margin < bestRaws[limit - 1]!)) break;
      const coreStart = cFrom[slot]!;
      const coreEnd = cAt[slot]!;
      for (let c = coreStart; c < coreEnd; c++) coreW[s.gTerm[c]!] = Math.max(0, coreW[s.gTerm[c]!]!) + s.gW[c]!;
      const end = at[slot]!;
      for (let e = from[slot]!; e < end; ) {
        const t = s.sTerm[e]!;
        termFrom[2 * t] = e;
        while (e < end && s.sTerm[e] === t) insertTop(top, 0, s.sWeight[e++]!);
        termFrom[2 * t + 1] = e;
        wordBound[t] = decayed(top);
      }
      const cut = Math.max(floor, full ? bestRaws[limit - 1]! : 0);
      let best = 0;
      let bestWindow = -1;
      let bestVia = 0;
      for (let w = 0; w + 1 < qStart.length; w++) {
        // The window's statement score (exact) and a bound of its quote score: the decaying sum of a pain's best
        // quotes is at most the sum, word by word, of each word's decaying sum (it is a maximum of linear sums).
        let coreScore = 0;
        let touched = false;
        let quoteBound = 0;
        for (let j = qStart[w]!; j < qStart[w + 1]!; j++) {
          const t = qTerm[j]!;
          if (coreW[t]! >= 0) {
            coreScore = coreScore + qWeight[j]! * coreW[t]!;
            touched = true;
          }
          if (termFrom[2 * t + 1]! > termFrom[2 * t]!) {
            quoteBound += qWeight[j]! * wordBound[t]!;
            touched = true;
          }
        }
        if (!touched || (coreScore + QUOTE_WEIGHT * quoteBound) * margin < Math.max(cut, best)) continue;
        for (let j = qStart[w]!; j < qStart[w + 1]!; j++) {
          const t = qTerm[j]!;
          const weight = qWeight[j]!;
          for (let e = termFrom[2 * t]!, stop = termFrom[2 * t + 1]!; e < stop; e++) {
            const doc = s.sDoc[e]!;
            if (quoteScore[doc] === 0) touchedQuotes.push(doc);
            quoteScore[doc] = quoteScore[doc]! + s.sWeight[e]! * weight;
          }
        }
        for (const doc of touchedQuotes) {
          insertTop(top, 0, quoteScore[doc]!);
          quoteScore[doc] = 0;
        }
        const via = touchedQuotes.length;
        touchedQuotes.length = 0;
        const raw = coreScore + QUOTE_WEIGHT * decayed(top);
        if (raw > best) {
          best = raw;
          bestWindow = w;
          bestVia = via;
        }
      }
      for (let c = coreStart; c < coreEnd; c++) coreW[s.gTerm[c]!] = -1;
      for (let e = from[slot]!; e < end; e++) termFrom[2 * s.sTerm[e]!] = termFrom[2 * s.sTerm[e]! + 1] = 0;
      if (bestWindow < 0) continue;
      found.push({ slot, raw: best, window: bestWindow, via: bestVia });
      let k = bestRaws.length;
      bestRaws.push(best);
      while (k > 0 && bestRaws[k - 1]! < best) {
        bestRaws[k] = bestRaws[k - 1]!;
        k--;
      }
      bestRaws[k] = best;
      if (bestRaws.length > limit) bestRaws.length = limit;
    }

    const ranked: Array<{ entry: Entry; similarity: number; window: number; via: number }> = [];
    for (const { slot, raw, window, via } of found) {
      const entry = this.slots[slot];
      if (!entry) continue;
      const similarity = raw / (raw + scale);
      if (similarity >= MIN_SIMILARITY) ranked.push({ entry, similarity, window, via });
    }
    return ranked
      .sort((a, b) => b.similarity - a.similarity || a.entry.id.localeCompare(b.entry.id))
      .slice(0, limit)
      .map(({ entry, similarity, window, via }) => ({
        painId: entry.id,
        similarity: Math.round(similarity * 1000) / 1000,
        matchedOn: this.matchedOn(entry, queryOf(read.tokens, windows[window]![0], windows[window]![1]), today),
        viaQuotes: via,
      }));
  }

  /**
   * The arrays a match works in, kept between matches (a match is synchronous and leaves the per-pain and
   * per-quote ones all zero), so a long piece does not allocate a library-sized array per call.
   */
  private scratch: MatchScratch | null = null;

  private scratchFor(pains: number, quotes: number): MatchScratch {
    const s = this.scratch;
    if (s && s.coreBound.length >= pains && s.quoteScore.length >= quotes) return s;
    // Grown with room to spare, so a few new quotes do not reallocate at the next match.
    this.scratch = new MatchScratch(Math.ceil(pains * 1.25) + 16, Math.ceil(quotes * 1.25) + 64, s);
    return this.scratch;
  }

  private windowsOf(read: ReadText): Array<[number, number]> {
    const ss = read.sentences;
    if (ss.length <= WINDOW) return [[ss[0]!.first, ss[ss.length - 1]!.last]];
    const windows: Array<[number, number]> = [];
    for (let i = 0; ; i += STRIDE) {
      const end = Math.min(ss.length, i + WINDOW);
      windows.push([ss[i]!.first, ss[end - 1]!.last]);
      if (end === ss.length) break;
    }
    return windows;
  }

  /** The query's words this pain holds, weightiest first: in its statement or synonyms, or in its recent quotes. */
  private matchedOn(entry: Entry, query: Query, today: number): string[] {
    const weights = new Map<string, number>();
    for (const term of this.core.termsOf(entry.core) ?? []) {
      if (query.has(term)) weights.set(term, this.core.idf(term));
    }
    for (const q of entry.quotes) {
      const terms = this.quotes.termsOf(q.doc);
      if (!terms) continue;
      const r = this.recency(q.day, today);
      for (const term of terms) {
        if (!query.has(term)) continue;
        weights.set(term, (weights.get(term) ?? 0) + QUOTE_WEIGHT * this.quotes.idf(term) * r * 0.5);
      }
    }
    return [...weights.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([term]) => query.get(term)!.surface);
  }
}

/**
 * A stable counting sort's first half: where each touched pain's entries start once grouped by pain, in `from` and
 * in `at` (which the caller advances as it places each entry, so it ends as where the pain's entries end).
 */
function groupStarts(touched: readonly number[], slotOf: Int32Array, n: number, from: Int32Array, at: Int32Array): void {
  for (const slot of touched) from[slot] = 0;
  for (let e = 0; e < n; e++) from[slotOf[e]!] = from[slotOf[e]!]! + 1;
  let offset = 0;
  for (const slot of touched) {
    const c = from[slot]!;
    from[slot] = offset;
    at[slot] = offset;
    offset += c;
  }
}

/** The decaying sum of a pain's best quote scores (the n-th counts QUOTE_DECAY^n), leaving `top` all zero. */
function decayed(top: Float64Array): number {
  let agg = 0;
  let f = 1;
  for (let k = 0; k < TOP_QUOTES; k++) {
    agg += top[k]! * f;
    top[k] = 0;
    f *= QUOTE_DECAY;
  }
  return agg;
}

/** Puts a score into a pain's best TOP_QUOTES at `base` (highest first), when it is among them. */
function insertTop(top: Float64Array, base: number, score: number): void {
  if (score <= top[base + TOP_QUOTES - 1]!) return;
  let k = TOP_QUOTES - 1;
  while (k > 0 && top[base + k - 1]! < score) {
    top[base + k] = top[base + k - 1]!;
    k--;
  }
  top[base + k] = score;
}

/** A match's working arrays: per pain, per quote, and the (quote, word) entries of one text. */
class MatchScratch {
  readonly coreBound: Float64Array;
  readonly topBound: Float64Array;
  readonly mark: Uint8Array;
  /** Where each pain's entries start and end in the grouped arrays. */
  readonly from: Int32Array;
  readonly at: Int32Array;
  /** The same for the statement and profile entries. */
  readonly cFrom: Int32Array;
  readonly cAt: Int32Array;
  readonly quoteScore: Float64Array;
  readonly touchedQuotes: number[] = [];
  eDoc = new Int32Array(1024);
  eTerm = new Int32Array(1024);
  eSlot = new Int32Array(1024);
  eWeight = new Float64Array(1024);
  sDoc = new Int32Array(1024);
  sTerm = new Int32Array(1024);
  sWeight = new Float64Array(1024);
  /** The (pain, word) entries of the statement and profile fields, as found and grouped by pain. */
  cSlot = new Int32Array(1024);
  cTerm = new Int32Array(1024);
  cW = new Float64Array(1024);
  gTerm = new Int32Array(1024);
  gW = new Float64Array(1024);
  private range = new Int32Array(256);

  constructor(pains: number, quotes: number, previous: MatchScratch | null) {
    this.coreBound = new Float64Array(pains);
    this.topBound = new Float64Array(pains * TOP_QUOTES);
    this.mark = new Uint8Array(pains);
    this.from = new Int32Array(pains);
    this.at = new Int32Array(pains);
    this.cFrom = new Int32Array(pains);
    this.cAt = new Int32Array(pains);
    this.quoteScore = new Float64Array(quotes);
    if (previous) {
      this.eDoc = previous.eDoc;
      this.eTerm = previous.eTerm;
      this.eSlot = previous.eSlot;
      this.eWeight = previous.eWeight;
      this.sDoc = previous.sDoc;
      this.sTerm = previous.sTerm;
      this.sWeight = previous.sWeight;
      this.cSlot = previous.cSlot;
      this.cTerm = previous.cTerm;
      this.cW = previous.cW;
      this.gTerm = previous.gTerm;
      this.gW = previous.gW;
    }
  }

  /** Room for n entries, keeping those written. */
  reserve(n: number): void {
    if (n <= this.eDoc.length) return;
    const size = Math.max(n, this.eDoc.length * 2);
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (size: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.eDoc = grow(this.eDoc, (k) => new Int32Array(k));
    this.eTerm = grow(this.eTerm, (k) => new Int32Array(k));
    this.eSlot = grow(this.eSlot, (k) => new Int32Array(k));
    this.eWeight = grow(this.eWeight, (k) => new Float64Array(k));
  }

  /** Room for n statement and profile entries, keeping those written. */
  reserveCore(n: number): void {
    if (n <= this.cSlot.length) return;
    const size = Math.max(n, this.cSlot.length * 2);
    const cSlot = new Int32Array(size);
    cSlot.set(this.cSlot);
    this.cSlot = cSlot;
    const cTerm = new Int32Array(size);
    cTerm.set(this.cTerm);
    this.cTerm = cTerm;
    const cW = new Float64Array(size);
    cW.set(this.cW);
    this.cW = cW;
  }

  reserveCoreSorted(n: number): void {
    if (n <= this.gTerm.length) return;
    const size = Math.max(n, this.gTerm.length * 2);
    this.gTerm = new Int32Array(size);
    this.gW = new Float64Array(size);
  }

  reserveSorted(n: number): void {
    if (n <= this.sDoc.length) return;
    const size = Math.max(n, this.sDoc.length * 2);
    this.sDoc = new Int32Array(size);
    this.sTerm = new Int32Array(size);
    this.sWeight = new Float64Array(size);
  }

  /** Per word of the text, [from, to) of one pain's entries; all zero between uses. */
  termRange(terms: number): Int32Array {
    if (this.range.length < 2 * terms) this.range = new Int32Array(2 * terms);
    return this.range;
  }
}
