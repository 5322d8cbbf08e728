// One measurement: autocannon's CLI in a process of its own (`--json`), so generating load never shares
// an event loop with the server or with this harness. A warm-up run first, not measured: the server's
// JIT, statement caches and connection pool should be warm before the figure is taken.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses other than 2xx, plus connection errors and timeouts: any of them spoils the figure. */
  failures: number;
  total: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** One autocannon run; with several URLs, connection i asks URL i mod n (autocannon's own round robin). */
function autocannon(url: string | string[], headers: Record<string, string>, connections: number, seconds: number): Promise<AutocannonJson> {
  const args = [AUTOCANNON, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), '-t', '10'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}:${v}`);
  args.push(...(Array.isArray(url) ? url : [url]));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out) as AutocannonJson);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 500)} ${err.slice(-500)}`));
      }
    });
  });
}

function loadResult(r: AutocannonJson): LoadResult {
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
    total: r.requests.total,
  };
}

/** Load for `seconds` on one URL or on several at once (a mix), with no warm-up of its own. */
export async function runLoad(url: string | string[], headers: Record<string, string>, options: { connections: number; seconds: number }): Promise<LoadResult> {
  return loadResult(await autocannon(url, headers, options.connections, options.seconds));
}

/**
 * A figure and its floor measured in alternating slices — floor, figure, figure, floor (ABBA) — after the figure's
 * warm-up, so that load from elsewhere on the machine, which drifts over a run, weighs on both alike (decision 036).
 * Requests per second are totals over all of a side's slices; p50 is their mean, p99 the worst slice's.
 */
export async function measureAgainstFloor(
  url: string,
  floorUrl: string,
  headers: Record<string, string>,
  options: { connections: number; durationSeconds: number; warmupSeconds: number },
): Promise<{ figure: LoadResult; floor: LoadResult }> {
  await autocannon(url, headers, options.connections, options.warmupSeconds);
  const slice = Math.max(1, Math.round(options.durationSeconds / 2));
  const figure: AutocannonJson[] = [];
  const floor: AutocannonJson[] = [];
  for (const side of ['floor', 'figure', 'figure', 'floor'] as const) {
    if (side === 'floor') floor.push(await autocannon(floorUrl, {}, options.connections, slice));
    else figure.push(await autocannon(url, headers, options.connections, slice));
  }
  return { figure: combined(figure, slice), floor: combined(floor, slice) };
}

function combined(runs: AutocannonJson[], sliceSeconds: number): LoadResult {
  const parts = runs.map(loadResult);
  const total = parts.reduce((n, r) => n + r.total, 0);
  return {
    requestsPerSecond: total / (sliceSeconds * parts.length),
    p50Ms: Math.round((parts.reduce((n, r) => n + r.p50Ms, 0) / parts.length) * 10) / 10,
    p99Ms: Math.max(...parts.map((r) => r.p99Ms)),
    failures: parts.reduce((n, r) => n + r.failures, 0),
    total,
  };
}
