// Which pains a text addresses (SPEC S3; decision record "pain analyzer matching"): BM25 over two fields kept
// apart — each pain's statement with its synonyms, and each evidence quote on its own — on wink's stems. The
// quotes hold the buyers' own words, which is how copy that shares no word with a pain's statement still finds
// it ("inbound leads go cold before anyone calls them" → "slow first response to new leads" through "our reps
// call back two days later"). A quote weighs by its age (half-life below), and a pain's quote score is a decaying
// sum of its best quotes, so several buyers saying it count for more than one. Long texts are matched in windows
// of a few sentences, so a pain a piece addresses in one paragraph is found as surely as in a short ad.
import { Bm25Field } from './bm25.js';
import { readText, type ReadText, type Token } from './nlp.js';
import type { PainDoc, PainMatch } from './types.js';

/** A quote loses half its weight every 180 days: last quarter's calls count for ~70%, last year's for ~25%. */
export const HALF_LIFE_DAYS = 180;
const CORE_PARAMS = { k1: 1.2, b: 0.5 };
const QUOTE_PARAMS = { k1: 1.2, b: 0.75 };
/** How much the quotes field weighs against the statement and synonyms. */
const QUOTE_WEIGHT = 0.8;
/** The n-th best quote of a pain counts QUOTE_DECAY^n of its score. */
const QUOTE_DECAY = 0.6;
/** Below this similarity a pain is not reported as matched. */
export const MIN_SIMILARITY = 0.2;
/** A word in more quotes than this share of a library (and more than PRUNE_MIN_DF) is not looked up in quotes. */
const PRUNE_SHARE = 0.05;
const PRUNE_MIN_DF = 200;
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
  return readText(text).tokens.filter(indexed).map((t) => t.stem);
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
  private readonly entries = new Map<string, Entry>();
  private readonly slots: Array<Entry | null> = [];
  /** Core document id → slot of its pain (−1 once removed). */
  private readonly coreOwner: number[] = [];
  /** Quote document id → slot of its pain (−1 once removed). */
  private readonly quoteOwner: number[] = [];
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
    const entry: Entry = { id: p.id, slot, statement: p.statement, core: this.core.add([...new Set(indexTermsOf([p.statement, ...p.synonyms].join('.\n')))]), quotes: [] };
    this.slots[slot] = entry;
    this.coreOwner[entry.core] = slot;
    this.entries.set(p.id, entry);
    for (const q of p.quotes) this.addQuoteTo(entry, q);
  }

  removePain(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.slots[entry.slot] = null;
    this.core.remove(entry.core);
    this.coreOwner[entry.core] = -1;
    for (const q of entry.quotes) {
      this.quotes.remove(q.doc);
      this.quoteOwner[q.doc] = -1;
    }
  }

  /** Adds one evidence quote to a pain the index holds (a pain it does not hold is not one to match: ignored). */
  addQuote(painId: string, quote: { text: string; date: string }): void {
    const entry = this.entries.get(painId);
    if (entry) this.addQuoteTo(entry, quote);
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

  /** `match` on a text wink has already read (the analysis reads it once for everything). */
  matchRead(read: ReadText, limit = 5): PainMatch[] {
    if (this.entries.size === 0 || read.sentences.length === 0 || limit <= 0) return [];
    const today = this.today();
    if (today !== this.recencyToday) {
      for (let doc = 0; doc < this.quoteDay.length; doc++) this.quoteRecency[doc] = this.recency(this.quoteDay[doc] ?? Number.NaN, today);
      this.recencyToday = today;
    }
    // Per-pain and per-quote scratch arrays, reset after each window through the lists of what was touched.
    const np = this.slots.length;
    const { coreScore, top, via, mark, quoteScore } = this.scratchFor(np, this.quotes.capacity);
    const best = new Float64Array(np);
    const bestVia = new Int32Array(np);
    const bestWindow = new Int32Array(np).fill(-1);
    const touchedPains: number[] = [];
    const touchedQuotes: number[] = [];
    const touch = (slot: number) => {
      if (mark[slot] === 0) {
        mark[slot] = 1;
        touchedPains.push(slot);
      }
    };
    const queries: Query[] = [];
    // Each term's quote weights (idf × saturated tf × the quote's recency), worked out once per text: a long text
    // repeats its words across windows. A word in more than PRUNE_SHARE of a large library's quotes ("customers",
    // "team") is skipped there: it says little about which pain is meant and costs the most to add up.
    const pruneDf = Math.max(PRUNE_MIN_DF, PRUNE_SHARE * this.quotes.size);
    const hitCache = new Map<string, { docs: readonly number[]; weights: Float64Array } | null>();
    const quoteHits = (term: string) => {
      let hits = hitCache.get(term);
      if (hits !== undefined) return hits;
      const postings = this.quotes.postingsOf(term);
      if (!postings || postings.length / 2 > pruneDf) hits = null;
      else {
        const idf = this.quotes.idf(term);
        const docs: number[] = new Array<number>(postings.length / 2);
        const weights = new Float64Array(postings.length / 2);
        for (let i = 0; i < postings.length; i += 2) {
          const doc = postings[i]!;
          docs[i / 2] = doc;
          weights[i / 2] = idf * this.quotes.saturated(doc, postings[i + 1]!) * (this.quoteRecency[doc] ?? 0.5);
        }
        hits = { docs, weights };
      }
      hitCache.set(term, hits);
      return hits;
    };

    for (const [first, last] of this.windowsOf(read)) {
      const query = queryOf(read.tokens, first, last);
      const w = queries.length;
      queries.push(query);
      for (const [term, { weight }] of query) {
        const core = this.core.postingsOf(term);
        if (core) {
          const idf = this.core.idf(term) * weight;
          for (let i = 0; i < core.length; i += 2) {
            const slot = this.coreOwner[core[i]!] ?? -1;
            if (slot < 0) continue;
            coreScore[slot] = coreScore[slot]! + idf * this.core.saturated(core[i]!, core[i + 1]!);
            touch(slot);
          }
        }
        const hits = quoteHits(term);
        if (hits) {
          const { docs, weights } = hits;
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i]!;
            if (quoteScore[doc] === 0) touchedQuotes.push(doc);
            quoteScore[doc] = quoteScore[doc]! + weights[i]! * weight;
          }
        }
      }
      for (const doc of touchedQuotes) {
        const slot = this.quoteOwner[doc] ?? -1;
        const s = quoteScore[doc]!;
        quoteScore[doc] = 0;
        if (slot < 0) continue;
        touch(slot);
        via[slot] = via[slot]! + 1;
        // Keep the pain's best TOP_QUOTES, highest first.
        const base = slot * TOP_QUOTES;
        if (s <= top[base + TOP_QUOTES - 1]!) continue;
        let k = TOP_QUOTES - 1;
        while (k > 0 && top[base + k - 1]! < s) {
          top[base + k] = top[base + k - 1]!;
          k--;
        }
        top[base + k] = s;
      }
      touchedQuotes.length = 0;
      for (const slot of touchedPains) {
        let agg = 0;
        let f = 1;
        for (let k = 0; k < TOP_QUOTES; k++) {
          agg += top[slot * TOP_QUOTES + k]! * f;
          top[slot * TOP_QUOTES + k] = 0;
          f *= QUOTE_DECAY;
        }
        const raw = coreScore[slot]! + QUOTE_WEIGHT * agg;
        if (raw > best[slot]!) {
          best[slot] = raw;
          bestVia[slot] = via[slot]!;
          bestWindow[slot] = w;
        }
        coreScore[slot] = 0;
        via[slot] = 0;
        mark[slot] = 0;
      }
      touchedPains.length = 0;
    }

    // "Similarity" saturates the raw score against what three words found in one pain only would weigh here.
    const scale = 3 * this.core.idfOfOne();
    const found: Array<{ entry: Entry; similarity: number; slot: number }> = [];
    for (let slot = 0; slot < np; slot++) {
      const entry = this.slots[slot];
      if (!entry || bestWindow[slot]! < 0) continue;
      const similarity = best[slot]! / (best[slot]! + scale);
      if (similarity >= MIN_SIMILARITY) found.push({ entry, similarity, slot });
    }
    return found
      .sort((a, b) => b.similarity - a.similarity || a.entry.id.localeCompare(b.entry.id))
      .slice(0, limit)
      .map(({ entry, similarity, slot }) => ({
        painId: entry.id,
        similarity: Math.round(similarity * 1000) / 1000,
        matchedOn: this.matchedOn(entry, queries[bestWindow[slot]!]!, today),
        viaQuotes: bestVia[slot]!,
      }));
  }

  /**
   * The per-pain and per-quote arrays a match adds into, kept between matches (a match is synchronous and leaves
   * them all zero), so a long piece does not allocate a library-sized array per call.
   */
  private scratch: { coreScore: Float64Array; top: Float64Array; via: Int32Array; mark: Uint8Array; quoteScore: Float64Array } | null = null;

  private scratchFor(pains: number, quotes: number) {
    const s = this.scratch;
    if (s && s.coreScore.length >= pains && s.quoteScore.length >= quotes) return s;
    // Grown with room to spare, so a few new quotes do not reallocate at the next match.
    const p = Math.ceil(pains * 1.25) + 16;
    const q = Math.ceil(quotes * 1.25) + 64;
    this.scratch = { coreScore: new Float64Array(p), top: new Float64Array(p * TOP_QUOTES), via: new Int32Array(p), mark: new Uint8Array(p), quoteScore: new Float64Array(q) };
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
