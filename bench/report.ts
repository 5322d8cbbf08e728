// The results as one table: printed to the terminal, and written to bench/results/latest.json and
// bench/RESULTS.md (the same table in Markdown, with the command, the date and the machine).
import { mkdirSync, writeFileSync } from 'node:fs';
import { machineLine, wasBusy, type Machine } from './machine.js';
import { MAX_P99_MS, MIN_RATIO, type Verdict } from './targets.js';

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
  rssStartBytes: number | null;
  rssEndBytes: number | null;
  rows: Row[];
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
  allMet: boolean;
}

const HEADER = ['figure', 'database', 'req/s', 'floor req/s', 'ratio', 'p50', 'p99', 'target met?'];

function cells(r: Row): string[] {
  const verdict = r.verdict === null ? '(floor)' : r.verdict.met ? 'yes' : `NO: ${r.verdict.reasons.join(', ')}`;
  return [
    r.figure,
    r.database,
    Math.round(r.requestsPerSecond).toLocaleString('en-US'),
    Math.round(r.floorRequestsPerSecond).toLocaleString('en-US'),
    r.ratio === null ? '1' : r.ratio.toFixed(2),
    `${r.p50Ms} ms`,
    `${r.p99Ms} ms`,
    verdict,
  ];
}

const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);

function rssLines(result: BenchResult): string[] {
  return result.runs.map((run) => `server RSS on ${run.database} (${run.workspace}): ${mib(run.rssStartBytes)} after start, ${mib(run.rssEndBytes)} at the end`);
}

function summary(result: BenchResult): string {
  const rows = result.runs.flatMap((r) => r.rows).filter((r) => r.verdict !== null);
  const missed = rows.filter((r) => !r.verdict!.met).length;
  return missed === 0 ? `All ${rows.length} figures meet their targets.` : `${missed} of ${rows.length} figures miss their targets.`;
}

export function printTable(result: BenchResult): void {
  const table = [HEADER, ...result.runs.flatMap((run) => run.rows.map(cells))];
  const widths = HEADER.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  const right = new Set([2, 3, 4, 5, 6]);
  const line = (row: string[]) => row.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log('');
  console.log(line(table[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.slice(1)) console.log(line(row));
  console.log('');
  console.log(`targets: each read >= ${MIN_RATIO.toFixed(2)} of the floor's req/s and p99 <= ${MAX_P99_MS} ms at ${result.connections} connections; ${summary(result)}`);
  for (const l of rssLines(result)) console.log(l);
  console.log(`machine: ${machineLine(result.machine)}`);
  for (const n of result.notes) console.log(`note: ${n}`);
}

function markdown(result: BenchResult): string {
  const md = (row: string[]) => `| ${row.join(' | ')} |`;
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); see bench/README.md for what is measured and how. Do not edit by hand.',
    '',
    `- Command: \`${result.command}\``,
    `- Date: ${result.date}`,
    `- Machine: ${machineLine(result.machine)}`,
    `- Load: autocannon, ${result.connections} connections, ${result.durationSeconds} s per figure after ${result.warmupSeconds} s of warm-up, real HTTP to the built server in its own process`,
    `- Targets (issue 9): each signed-in read ≥ ${MIN_RATIO.toFixed(2)} of the floor's req/s (\`GET /api/health\` on the same server, measured right before, in the same run) and p99 ≤ ${MAX_P99_MS} ms. ${summary(result)}`,
    '',
    md(HEADER),
    md(HEADER.map((_, i) => (i >= 2 && i <= 6 ? '---:' : '---'))),
    ...result.runs.flatMap((run) => run.rows.map((r) => md(cells(r).map((c) => c.replace(/\|/g, '\\|'))))),
    '',
    ...rssLines(result).map((l) => `- ${l[0]!.toUpperCase()}${l.slice(1)}.`),
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
