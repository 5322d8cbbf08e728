// Okapi BM25 over one field of documents, with documents added and removed one at a time (SPEC S3, the pain
// analyzer's matching; decision record "pain analyzer matching"). Document frequencies and lengths are counts
// kept up to date on every add and remove, and the inverse document frequency is computed when asked, so the
// index after n adds is the index a rebuild of those n documents would give — no consolidation step.

export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
}

export class Bm25Field {
  /** term → interleaved [doc, tf, doc, tf, …]. */
  private readonly postings = new Map<string, number[]>();
  /**
   * Each live document's distinct terms, null once removed (an array: a Map per quote would cost several times the
   * memory; and no object around it, 50,000 of which were 2 MB of a large library's index — its length is in `lengths`).
   */
  private readonly docs: Array<string[] | null> = [];
  private readonly lengths: number[] = [];
  private live = 0;
  private totalLength = 0;

  constructor(readonly params: Bm25Params) {}

  get size(): number {
    return this.live;
  }

  /** Adds a document of stems; answers its id (ids are not reused). */
  add(stems: readonly string[]): number {
    const terms = new Map<string, number>();
    for (const s of stems) terms.set(s, (terms.get(s) ?? 0) + 1);
    const id = this.docs.length;
    this.docs.push([...terms.keys()]);
    this.lengths.push(stems.length);
    this.live += 1;
    this.totalLength += stems.length;
    for (const [term, tf] of terms) {
      const list = this.postings.get(term);
      if (list) list.push(id, tf);
      else this.postings.set(term, [id, tf]);
    }
    return id;
  }

  remove(id: number): void {
    const doc = this.docs[id];
    if (!doc) return;
    this.docs[id] = null;
    this.live -= 1;
    this.totalLength -= this.lengths[id]!;
    for (const term of doc) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === id) {
          list.splice(i, 2);
          break;
        }
      }
      if (list.length === 0) this.postings.delete(term);
    }
  }

  /** The distinct terms of a live document. */
  termsOf(id: number): readonly string[] | null {
    return this.docs[id] ?? null;
  }

  /** BM25's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)). */
  idf(term: string): number {
    const df = (this.postings.get(term)?.length ?? 0) / 2;
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** The idf of a term found in one document only: the most one term can weigh in this field. */
  idfOfOne(): number {
    return Math.log(1 + (Math.max(this.live, 2) - 1 + 0.5) / 1.5);
  }

  /** How many document ids were ever given out (the size of an array indexed by id). */
  get capacity(): number {
    return this.docs.length;
  }

  /** The term's postings, interleaved [doc, tf, …], for a caller's own loop (do not change them). */
  postingsOf(term: string): readonly number[] | undefined {
    return this.postings.get(term);
  }

  /** BM25's saturated term frequency for a document: tf × (k1 + 1) / (tf + k1 × (1 − b + b × length / average)). */
  saturated(doc: number, tf: number): number {
    const avg = this.live === 0 ? 1 : this.totalLength / this.live || 1;
    const length = this.lengths[doc] ?? avg;
    const { k1, b } = this.params;
    return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avg));
  }
}
