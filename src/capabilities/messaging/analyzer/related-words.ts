// Word vectors for the pain matcher (SPEC S3, the pain analyzer; issue 12's embeddings paragraph; decision 054): a
// table built offline from GloVe by bench/build-related-words.ts — for each of the 40,000 most frequent English
// words, keyed by the analyzer's stem, its vector (8 bits a component) and its frequency rank. The server never
// loads the GloVe package (300 MB, ~1 GB to parse); it reads this table (a few MB) once, when a match first needs it.
import table from './lexicons/related-words.json' with { type: 'json' };

/** The table's format and contents; a rebuild with other settings or another source is a new version. */
export const RELATED_WORDS_VERSION = 1;

export interface RelatedWordsTable {
  version: number;
  source: string;
  /** How many of the most frequent alphabetic words were read. */
  words: number;
  dimensions: number;
  /** The stems, space-separated, in the order of their most frequent form's rank. */
  stems: string;
  /** Each stem's most frequent word ("respons" → "response"), for showing, in the same order. */
  forms: string;
  /** Each stem's frequency rank (its most frequent form's place among the words read, 0 the most frequent). */
  ranks: number[];
  /** base64 of one signed byte per component, stem after stem. */
  vectors: string;
}

/**
 * The smoothed inverse frequency weight of a word (Arora, Liang & Ma, "A simple but tough-to-beat baseline for
 * sentence embeddings", 2017): a / (a + p(w)), with p(w) from the word's rank by Zipf's law (p ∝ 1 / rank). A
 * frequent word ("day", "team") adds little to a text's vector, a rare one ("voicemail") almost all of its own.
 */
const SIF_A = 1e-3;

export class RelatedWords {
  readonly dimensions: number;
  private readonly at = new Map<string, number>();
  private readonly forms: string[];
  private readonly ranks: number[];
  /** The vectors as stored (one signed byte a component, stem after stem), and each one's length. */
  private readonly bytes: Int8Array;
  private readonly norms: Float32Array;
  private readonly harmonic: number;

  constructor(readonly table: RelatedWordsTable) {
    this.dimensions = table.dimensions;
    const stems = table.stems.length === 0 ? [] : table.stems.split(' ');
    this.forms = table.forms.length === 0 ? [] : table.forms.split(' ');
    this.ranks = table.ranks;
    stems.forEach((s, i) => this.at.set(s, i));
    // Kept as bytes (2.6 MB for the shipped table, a quarter of Float32), each used with its length.
    const raw = Buffer.from(table.vectors, 'base64');
    const dims = this.dimensions;
    this.bytes = new Int8Array(raw.buffer, raw.byteOffset, stems.length * dims);
    this.norms = new Float32Array(stems.length);
    for (let i = 0; i < stems.length; i++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += this.bytes[i * dims + d]! * this.bytes[i * dims + d]!;
      this.norms[i] = Math.sqrt(norm) || 1;
    }
    // Zipf: p(rank r) = 1 / ((r + 1) × H), H the harmonic number of the words read (≈ ln n + γ).
    this.harmonic = Math.log(Math.max(2, table.words)) + 0.5772;
  }

  get version(): number {
    return this.table.version;
  }

  get size(): number {
    return this.at.size;
  }

  has(stem: string): boolean {
    return this.at.has(stem);
  }

  /** Adds `times` the stem's unit vector to `into`; false (and nothing added) for a stem outside the table. */
  addTo(into: Float32Array, stem: string, times: number): boolean {
    const i = this.at.get(stem);
    if (i === undefined) return false;
    const dims = this.dimensions;
    const f = times / this.norms[i]!;
    for (let d = 0, at = i * dims; d < dims; d++) into[d] = into[d]! + f * this.bytes[at + d]!;
    return true;
  }

  /** The dot product of the stem's unit vector with `v`; null for a stem outside the table. */
  dot(stem: string, v: ArrayLike<number>): number | null {
    const i = this.at.get(stem);
    if (i === undefined) return null;
    const dims = this.dimensions;
    let sum = 0;
    for (let d = 0, at = i * dims; d < dims; d++) sum += this.bytes[at + d]! * v[d]!;
    return sum / this.norms[i]!;
  }

  /** The stem's unit vector (a copy), or null for a stem outside the table. */
  vectorOf(stem: string): Float32Array | null {
    const v = new Float32Array(this.dimensions);
    return this.addTo(v, stem, 1) ? v : null;
  }

  /** The stem's weight in a text's vector (smoothed inverse frequency, 0–1); 0 for a stem outside the table. */
  weightOf(stem: string): number {
    const i = this.at.get(stem);
    if (i === undefined) return 0;
    const p = 1 / ((this.ranks[i]! + 1) * this.harmonic);
    return SIF_A / (SIF_A + p);
  }

  /** The cosine of two stems' vectors; null when either is outside the table. */
  cosine(a: string, b: string): number | null {
    const i = this.at.get(a);
    const j = this.at.get(b);
    if (i === undefined || j === undefined) return null;
    const dims = this.dimensions;
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += this.bytes[i * dims + d]! * this.bytes[j * dims + d]!;
    return sum / (this.norms[i]! * this.norms[j]!);
  }

  /** The stem's most frequent word ("respons" → "response"), for showing; undefined for a stem outside the table. */
  wordOf(stem: string): string | undefined {
    const i = this.at.get(stem);
    return i === undefined ? undefined : this.forms[i];
  }

  /** The stem's frequency rank in English (0 the most frequent), undefined for a stem outside the table. */
  rankOf(stem: string): number | undefined {
    const i = this.at.get(stem);
    return i === undefined ? undefined : this.ranks[i];
  }
}

let loaded: RelatedWords | null = null;

/** The table in the repository, read once per process. */
export function relatedWords(): RelatedWords {
  loaded ??= new RelatedWords(table as RelatedWordsTable);
  return loaded;
}
