// The results as tables: printed to the terminal, and written to bench/results/latest.json and
// bench/RESULTS.md (the same tables in Markdown, with the command, the date and the machine). The reads, then
// (when measured) their growth across workspaces, the web app's figures and the memory soak.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { WebResult } from './browser.js';
import type { GrowthRow } from './growth.js';
import { machineLine, wasBusy, type Machine } from './machine.js';
import type { SoakResult } from './soak.js';
import { MAX_INITIAL_JS_GZIP_BYTES, MAX_P99_MS, MAX_SOAK_RSS_RATIO, MIN_RATIO, type Verdict } from './targets.js';

export interface Row {
  figure: string;
  database: string;
  requestsPerSecond: number;
  floorRequestsPerSecond: number;
  /** null for the floor itself. */
  ratio: number | null;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  /** null for the floor, which has no target. */
  verdict: Verdict | null;
}

export interface DatabaseRun {
  database: string;
  workspace: string;
  /** Rows the workspace holds, for the growth figure (bench/workspace-size.ts). */
  dataRows: number | null;
  rssStartBytes: number | null;
  rssEndBytes: number | null;
  rows: Row[];
  /** On the largest workspace of each database, unless --no-browser. */
  web: WebResult | null;
  /** On the largest workspace of each database, with --soak. */
  soak: SoakResult | null;
}

export interface BenchResult {
  command: string;
  date: string;
  machine: Machine;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  notes: string[];
  runs: DatabaseRun[];
  growth: GrowthRow[];
  allMet: boolean;
}

interface Table {
  title: string;
  header: string[];
  /** Columns aligned right (numbers). */
  right: number[];
  rows: string[][];
}

const verdictCell = (v: Verdict | null) => (v === null ? '(floor)' : v.met ? 'yes' : `NO: ${v.reasons.join(', ')}`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);
const where = (run: DatabaseRun) => `${run.database}, ${run.workspace}`;

function readsTable(result: BenchResult): Table {
  return {
    title: 'Reads',
    header: ['figure', 'database', 'req/s', 'floor req/s', 'ratio', 'p50', 'p99', 'target met?'],
    right: [2, 3, 4, 5, 6],
    rows: result.runs.flatMap((run) =>
      run.rows.map((r) => [r.figure, r.database, int(r.requestsPerSecond), int(r.floorRequestsPerSecond), r.ratio === null ? '1' : r.ratio.toFixed(2), `${r.p50Ms} ms`, `${r.p99Ms} ms`, verdictCell(r.verdict)]),
    ),
  };
}

function growthTable(result: BenchResult): Table | null {
  if (result.growth.length === 0) return null;
  const sizes = (g: GrowthRow) => g.points.map((p) => p.workspace).join(' → ');
  return {
    title: 'Growth with data size',
    header: ['figure', 'database', 'workspaces', 'p50', 'req/s', 'slowdown (bound)', 'target met?'],
    right: [3, 4, 5],
    rows: result.growth.map((g) => [
      g.figure,
      g.database,
      sizes(g),
      g.points.map((p) => `${p.p50Ms}`).join(' → ') + ' ms',
      g.points.map((p) => int(p.requestsPerSecond)).join(' → '),
      g.points
        .slice(1)
        .map((p) => `${p.slowdown.toFixed(1)}× (${p.bound.toFixed(1)}×)`)
        .join(', '),
      verdictCell(g.verdict),
    ]),
  };
}

function webTable(result: BenchResult): Table | null {
  const runs = result.runs.filter((r) => r.web !== null);
  if (runs.length === 0) return null;
  return {
    title: 'Web app (headless Chromium, first visits)',
    header: ['route', 'database, workspace', 'initial JS (gzip)', 'files', 'visible after (median)', 'each visit', 'target met?'],
    right: [2, 3, 4],
    rows: runs.flatMap((run) =>
      (run.web?.routes ?? []).map((w) => [w.label, where(run), `${kB(w.gzipBytes)} (${kB(w.bytes)} raw)`, String(w.scripts.length), `${Math.round(w.medianVisibleMs)} ms`, w.visibleMs.join(', '), verdictCell(w.verdict)]),
    ),
  };
}

function soakTable(result: BenchResult): Table | null {
  const runs = result.runs.filter((r) => r.soak !== null);
  if (runs.length === 0) return null;
  return {
    title: 'Memory under mixed reads',
    header: ['database, workspace', 'soak', 'RSS after warm-up', 'RSS at the end', 'peak', 'end ÷ warm-up', 'requests (req/s, p99)', 'target met?'],
    right: [1, 2, 3, 4, 5],
    rows: runs.map((run) => {
      const s = run.soak!;
      return [where(run), `${s.seconds} s`, mib(s.rssAfterWarmupBytes), mib(s.rssFinalBytes), mib(s.rssPeakBytes), s.ratio.toFixed(3), `${int(s.requests)} (${int(s.requestsPerSecond)}, ${s.p99Ms} ms)`, verdictCell(s.verdict)];
    }),
  };
}

function tables(result: BenchResult): Table[] {
  return [readsTable(result), growthTable(result), webTable(result), soakTable(result)].filter((t): t is Table => t !== null);
}

/** Every verdict of the run: reads, growth, initial JS, soak. */
export function verdicts(result: Omit<BenchResult, 'allMet'>): Verdict[] {
  return [
    ...result.runs.flatMap((r) => r.rows.map((row) => row.verdict)),
    ...result.growth.map((g) => g.verdict),
    ...result.runs.flatMap((r) => r.web?.routes.map((w) => w.verdict) ?? []),
    ...result.runs.map((r) => r.soak?.verdict ?? null),
  ].filter((v): v is Verdict => v !== null);
}

function summary(result: BenchResult): string {
  const all = verdicts(result);
  const missed = all.filter((v) => !v.met).length;
  return missed === 0 ? `All ${all.length} figures meet their targets.` : `${missed} of ${all.length} figures miss their targets.`;
}

function targetLines(result: BenchResult): string[] {
  return [
    `Reads: each signed-in read ≥ ${MIN_RATIO.toFixed(2)} of the floor's req/s (\`GET /api/health\` on the same server, measured in slices alternating with the read's — floor, read, read, floor — in the same run; decision 036) and p99 ≤ ${MAX_P99_MS} ms at ${result.connections} connections.`,
    "Growth: each read's slowdown against the demo (its ratio to the floor there ÷ its ratio here) ≤ 1 + ln(rows here ÷ rows in the demo): no worse than logarithmic (bench/targets.ts).",
    `Web app: initial JavaScript of the dashboard and of the Goals page ≤ ${MAX_INITIAL_JS_GZIP_BYTES / 1000} kB gzip each; the time to visible is reported, with no target.`,
    `Memory: RSS after the soak ≤ ${MAX_SOAK_RSS_RATIO} × RSS after its warm-up.`,
  ];
}

function sizeLine(result: BenchResult): string | null {
  const sized = result.runs.filter((r) => r.dataRows !== null);
  return sized.length ? `data size (rows in the measured workspace): ${sized.map((r) => `${where(r)} ${int(r.dataRows!)}`).join('; ')}` : null;
}

function rssLines(result: BenchResult): string[] {
  return result.runs.map((run) => `server RSS on ${run.database} (${run.workspace}): ${mib(run.rssStartBytes)} after start, ${mib(run.rssEndBytes)} at the end`);
}

function webLines(result: BenchResult): string[] {
  const first = result.runs.find((r) => r.web !== null)?.web;
  if (!first) return [];
  return [
    `web app: Chromium ${first.chromium}, ${first.visits} first visits per route after one unmeasured, each in a fresh context (no cache); initial JS is every script fetched before the content was visible, gzipped with node:zlib (level 6)`,
    ...first.routes.map((w) => `${w.label} is visible when ${w.visibleWhen}`),
  ];
}

function soakLines(result: BenchResult): string[] {
  const first = result.runs.find((r) => r.soak !== null)?.soak;
  if (!first) return [];
  return [
    `memory: ${first.reads.length} reads at once (${first.connections} connections in autocannon's round robin), ${first.warmupSeconds} s of warm-up, then the soak; RSS sampled every 2 s, each level the median of ${first.windowSeconds} s of samples (the end of the warm-up, the end of the soak)`,
  ];
}

function textTable(t: Table): string[] {
  const all = [t.header, ...t.rows];
  const widths = t.header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((c, i) => (t.right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [t.title, line(t.header), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)];
}

export function printTable(result: BenchResult): void {
  for (const t of tables(result)) {
    console.log('');
    for (const l of textTable(t)) console.log(l);
  }
  console.log('');
  console.log(`targets: ${summary(result)}`);
  for (const l of targetLines(result)) console.log(`  ${l}`);
  for (const l of [sizeLine(result), ...rssLines(result), ...webLines(result), ...soakLines(result)]) if (l) console.log(l);
  console.log(`machine: ${machineLine(result.machine)}`);
  for (const n of result.notes) console.log(`note: ${n}`);
}

function markdownTable(t: Table): string[] {
  const md = (row: string[]) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [`## ${t.title}`, '', md(t.header), md(t.header.map((_, i) => (t.right.includes(i) ? '---:' : '---'))), ...t.rows.map(md), ''];
}

const sentence = (l: string) => `- ${l[0]!.toUpperCase()}${l.slice(1)}.`;

function markdown(result: BenchResult): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); see bench/README.md for what is measured and how. Do not edit by hand.',
    '',
    `- Command: \`${result.command}\``,
    `- Date: ${result.date}`,
    `- Machine: ${machineLine(result.machine)}`,
    `- Load: autocannon, ${result.connections} connections, ${result.durationSeconds} s per figure after ${result.warmupSeconds} s of warm-up, real HTTP to the built server in its own process`,
    `- Targets (issue 9): ${summary(result)}`,
    ...targetLines(result).map((l) => `  - ${l}`),
    '',
    ...tables(result).flatMap(markdownTable),
    ...[sizeLine(result), ...rssLines(result), ...webLines(result), ...soakLines(result)].filter((l): l is string => l !== null).map(sentence),
  ];
  if (wasBusy(result.machine)) {
    lines.push(`- The machine was busy: a load average of ${result.machine.loadAverageBefore[0]} before the run on ${result.machine.cores} cores (it is shared with other engineers' test runs), so absolute rates vary from run to run and ratios are noisier than on a quiet machine.`);
  }
  for (const n of result.notes) lines.push(`- Note: ${n}`);
  return `${lines.join('\n')}\n`;
}

export function writeResults(result: BenchResult): { json: string; markdown: string } {
  const results = new URL('./results/', import.meta.url);
  mkdirSync(results, { recursive: true });
  const json = new URL('latest.json', results);
  const md = new URL('./RESULTS.md', import.meta.url);
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(md, markdown(result));
  return { json: json.pathname, markdown: md.pathname };
}
