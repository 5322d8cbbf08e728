// The memory figure of issue 9: the server's RSS after minutes of mixed signed-in reads, against its RSS after a
// warm-up of the same mix. RSS (VmRSS of /proc/<pid>/status) is sampled every 2 s through both. One reading swings
// by a quarter within seconds as the heap is collected, so each level is the median of a window of samples: the
// warm-up's second half, and the same length of time at the end of the soak. The peak is the highest sample.
import type { StartedServer } from './built-server.js';
import { runLoad } from './load-generator.js';
import { judgeSoak, type Figure, type Verdict } from './targets.js';

export interface RssSample {
  /** Seconds since the soak (after the warm-up) began; the warm-up's samples are negative. */
  atSeconds: number;
  rssBytes: number;
}

export interface SoakResult {
  seconds: number;
  warmupSeconds: number;
  /** The length of the two windows whose medians are compared. */
  windowSeconds: number;
  connections: number;
  /** The reads in the mix, as labelled in the reads table. */
  reads: string[];
  requests: number;
  requestsPerSecond: number;
  p99Ms: number;
  failures: number;
  rssAfterWarmupBytes: number;
  rssFinalBytes: number;
  rssPeakBytes: number;
  /** rssFinalBytes ÷ rssAfterWarmupBytes. */
  ratio: number;
  samples: RssSample[];
  verdict: Verdict;
}

const SAMPLE_MS = 2000;

/** The warm-up for a soak of `seconds`: a tenth of it, from 5 to 30 s (30 s before the 5-minute soak). */
export const soakWarmupSeconds = (seconds: number) => Math.min(30, Math.max(5, Math.round(seconds / 10)));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function soak(server: StartedServer, reads: Figure[], options: { seconds: number; connections: number }): Promise<SoakResult> {
  if (server.rss() === null) throw new Error(`cannot read the server's RSS (/proc/${server.pid}/status): the soak needs Linux`);
  const urls = reads.map((f) => `${server.baseUrl}${f.path}`);
  const headers = { cookie: server.cookie };
  const warmupSeconds = soakWarmupSeconds(options.seconds);
  const windowSeconds = warmupSeconds / 2;

  const taken: Array<{ at: number; rssBytes: number }> = [];
  const sample = () => {
    const rssBytes = server.rss();
    if (rssBytes !== null) taken.push({ at: Date.now(), rssBytes });
  };
  const timer = setInterval(sample, SAMPLE_MS);
  let load;
  let soakStarted;
  try {
    await runLoad(urls, headers, { connections: options.connections, seconds: warmupSeconds });
    sample();
    soakStarted = Date.now();
    load = await runLoad(urls, headers, { connections: options.connections, seconds: options.seconds });
    sample();
  } finally {
    clearInterval(timer);
  }
  const samples = taken.map((s) => ({ atSeconds: Math.round((s.at - soakStarted) / 100) / 10, rssBytes: s.rssBytes }));
  const end = samples.at(-1)!.atSeconds;
  const level = (from: number, to: number) => median(samples.filter((s) => s.atSeconds >= from && s.atSeconds <= to).map((s) => s.rssBytes));
  const rssAfterWarmupBytes = level(-windowSeconds, 0);
  const rssFinalBytes = level(end - windowSeconds, end);
  const ratio = rssFinalBytes / rssAfterWarmupBytes;
  return {
    seconds: options.seconds,
    warmupSeconds,
    windowSeconds,
    connections: options.connections,
    reads: reads.map((f) => f.label),
    requests: load.total,
    requestsPerSecond: load.requestsPerSecond,
    p99Ms: load.p99Ms,
    failures: load.failures,
    rssAfterWarmupBytes,
    rssFinalBytes,
    rssPeakBytes: Math.max(...samples.filter((s) => s.atSeconds > 0).map((s) => s.rssBytes)),
    ratio,
    samples,
    verdict: judgeSoak(ratio, load.failures),
  };
}
