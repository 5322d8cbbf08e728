// The pain analyzer's benchmark (issue 12 "Speed"; decision record "pain analyzer matching"): the analysis of a
// 1,500-word piece against 1,000 pains holding 50,000 evidence quotes — p50 and p99 over repeated runs — against
// wink-nlp tokenising the same text alone, as a ratio measured in the same run; the time to build the index and
// to add one quote; the process's RSS with the index held. Not a test: nothing is asserted.
//
//   npm run bench:analyzer
//   npm run bench:analyzer -- --pains 1000 --quotes 50 --words 1500 --runs 300
//
// Targets: p99 < 100 ms; ≤ 10 × wink's tokenising; RSS (with the rest of the server) < 300 MB — the server's own
// figure is bench/analyzer-server.ts. The yardstick is read two ways (decision 045): wink's readDoc with the
// analyzer's pipe (sentence boundaries and negation, what `tokeniseOnly` runs), and wink's tokenizer alone (a
// second instance with an empty pipe). The analysis is also split into its reading, matching and the rest.
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzePiece, PainIndex, type PainDoc } from '../src/capabilities/messaging/analyzer/index.js';
import { readText, tokeniseOnly } from '../src/capabilities/messaging/analyzer/nlp.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? Number(process.argv[at + 1]) : fallback;
}
const PAINS = option('pains', 1000);
const QUOTES = option('quotes', 50);
const WORDS = option('words', 1500);
const RUNS = option('runs', 300);

// A deterministic generator (mulberry32), so every run reads the same texts.
let seed = 12;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const COMMON = (
  'the a our we they it is was are to of in on for with and but so when then every each our team reps buyers customers ' +
  'week month day hours time again still never always just already because before after until while'
).split(' ');
const TOPIC = (
  'lead leads call calls reply inbox queue form demo invoice invoices bill bills cash reminder payment overdue report reports ' +
  'spreadsheet excel deck board numbers close books export stock shelf shelves reorder sku supplier warehouse pallet truck carrier ' +
  'driver delay tracking shipment shift shifts schedule rota overtime sick swap audit evidence control controls policy screenshot ' +
  'alert alerts noise analyst breach logs triage forecast pipeline commit quarter crm manager timesheet paper office photo van ' +
  'candidate interview feedback offer hire engineer energy heating building consumption meter site power patient appointment ' +
  'chair slot booking trial signup setup login churn cancel onboarding contract clause renewal ticket hold support laptop fuel ' +
  'payroll tax donor tenant repair boiler tip server guest campaign approval budget vendor procurement catalog claim policyholder ' +
  'premium underwriting quote broker lease fleet route depot parcel label return refund chargeback fraud dispute compliance gdpr ' +
  'hipaa nurse clinic dentist salon stylist kitchen menu order delivery courier subscription seat license upgrade migration'
).split(/\s+/);
const PROBLEM = 'waste wasted manual by hand chase chasing slow late miss missed lose lost stuck frustrated scramble guess error mistake'.split(' ');

const sentence = (topics: readonly string[], n: number) => {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(random() < 0.35 ? pick(topics) : random() < 0.15 ? pick(PROBLEM) : pick(COMMON));
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
};

function pains(): PainDoc[] {
  const out: PainDoc[] = [];
  for (let p = 0; p < PAINS; p++) {
    const topics = Array.from({ length: 6 }, () => pick(TOPIC));
    const quotes = Array.from({ length: QUOTES }, (_, q) => ({
      text: sentence(topics, 10 + Math.floor(random() * 12)),
      date: new Date(Date.UTC(2025, 11, 1) + ((p * 31 + q * 7) % 365) * 86_400_000).toISOString().slice(0, 10),
    }));
    out.push({ id: `pain-${p}`, statement: sentence(topics, 7), synonyms: [sentence(topics, 4), sentence(topics, 4)], quotes });
  }
  return out;
}

function piece(): string {
  const topics = Array.from({ length: 20 }, () => pick(TOPIC));
  const paragraphs: string[] = [];
  let words = 0;
  while (words < WORDS) {
    const ss: string[] = [];
    for (let i = 0; i < 5 && words < WORDS; i++) {
      const n = Math.min(WORDS - words, 12 + Math.floor(random() * 10));
      ss.push(sentence(topics, n));
      words += n;
    }
    paragraphs.push(ss.join(' '));
  }
  return paragraphs.join('\n\n');
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const docs = pains();
const text = piece();
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const index = PainIndex.build(docs, new Date('2026-12-01T00:00:00Z'));
const buildMs = performance.now() - t0;
global.gc?.();
const rssWithIndex = process.memoryUsage().rss;

// Warm both paths, then alternate them run by run so the machine's noise falls on both alike.
for (let i = 0; i < 20; i++) {
  analyzePiece(text, index, 60);
  tokeniseOnly(text);
}
/** Wall time and this process's CPU time (user + system) of one call, in ms: on a shared machine the wall time of
 * a 20 ms call is stretched by every other process's turn, the CPU time much less. */
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const cpu = { analysis: [] as number[], tokenising: [] as number[], tokenizer: [] as number[] };
const timed = (f: () => unknown, wall: number[], cpuTimes: number[]) => {
  const c = process.cpuUsage();
  const s = performance.now();
  const out = f();
  wall.push(performance.now() - s);
  cpuTimes.push(cpuMs(process.cpuUsage(c)));
  return out;
};
const bare = winkNLP(model, []);
const tokenizerOnly = (t: string) => bare.readDoc(t).tokens().length();
for (let i = 0; i < 20; i++) tokenizerOnly(text);
const analysis: number[] = [];
const tokenising: number[] = [];
const tokenizer: number[] = [];
const reading: number[] = [];
const matching: number[] = [];
let last = analyzePiece(text, index, 60);
for (let i = 0; i < RUNS; i++) {
  last = timed(() => analyzePiece(text, index, 60), analysis, cpu.analysis) as typeof last;
  timed(() => tokeniseOnly(text), tokenising, cpu.tokenising);
  timed(() => tokenizerOnly(text), tokenizer, cpu.tokenizer);
  let s = performance.now();
  const read = readText(text);
  reading.push(performance.now() - s);
  s = performance.now();
  index.matchRead(read, 5);
  matching.push(performance.now() - s);
}
const adds: number[] = [];
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  index.addQuote(`pain-${i}`, { text: sentence(TOPIC, 15), date: '2026-11-30' });
  adds.push(performance.now() - s);
}

const report = [
  `Pain analyzer bench — ${PAINS} pains, ${PAINS * QUOTES} quotes, a ${last.words}-word piece (${last.sentences.length} sentences), ${RUNS} runs, Node ${process.version}`,
  `  index build            ${ms(buildMs)}`,
  `  analysis               p50 ${ms(quantile(analysis, 0.5))}   p99 ${ms(quantile(analysis, 0.99))}   (target p99 < 100 ms)`,
  `    of which reading     p50 ${ms(quantile(reading, 0.5))}   matching p50 ${ms(quantile(matching, 0.5))}   (the rest is the score's parts)`,
  `  wink tokenising alone  p50 ${ms(quantile(tokenising, 0.5))}   p99 ${ms(quantile(tokenising, 0.99))}   (readDoc with the analyzer's pipe: sbd, negation)`,
  `  wink tokenizer alone   p50 ${ms(quantile(tokenizer, 0.5))}   p99 ${ms(quantile(tokenizer, 0.99))}   (readDoc with an empty pipe)`,
  `  ratio                  p50 ${(quantile(analysis, 0.5) / quantile(tokenising, 0.5)).toFixed(1)}×   p99 ${(quantile(analysis, 0.99) / quantile(tokenising, 0.99)).toFixed(1)}×   (target ≤ 10×; to the tokenizer alone: p50 ${(quantile(analysis, 0.5) / quantile(tokenizer, 0.5)).toFixed(1)}×   p99 ${(quantile(analysis, 0.99) / quantile(tokenizer, 0.99)).toFixed(1)}×)`,
  `  CPU time (this process's, per call)   analysis p50 ${ms(quantile(cpu.analysis, 0.5))} p99 ${ms(quantile(cpu.analysis, 0.99))}   tokenising p50 ${ms(quantile(cpu.tokenising, 0.5))}   tokenizer p50 ${ms(quantile(cpu.tokenizer, 0.5))}`,
  `  ratio on CPU time      p50 ${(quantile(cpu.analysis, 0.5) / quantile(cpu.tokenising, 0.5)).toFixed(1)}× to the tokenising, ${(quantile(cpu.analysis, 0.5) / quantile(cpu.tokenizer, 0.5)).toFixed(1)}× to the tokenizer alone`,
  `  add one quote          p50 ${ms(quantile(adds, 0.5))}   p99 ${ms(quantile(adds, 0.99))}   (no rebuild)`,
  `  RSS                    ${mb(rssBefore)} before the index, ${mb(rssWithIndex)} with it, ${mb(process.memoryUsage().rss)} at the end`,
  `  score ${last.score} (${last.band}), ${last.matchedPains.length} pains matched, ${last.flagged.length} sentences flagged`,
];
console.log(report.join('\n'));
