// A small in-process scheduler. Each run is claimed by inserting (job, period key) into job_runs, whose
// primary key lets only one instance win: with several instances on PostgreSQL a periodic job still runs
// once per period (SPEC S8).
import { hostname } from 'node:os';
import type { Database, Db } from '../db/database.js';
import { ALL_WORKSPACES, bumpReadVersions } from '../db/read-versions.js';
import { isoWeekOf } from '../shared/calendar/index.js';
import { newId, nowIso } from './ids.js';
import type { CredentialsCache } from './auth.js';
import type { Logger } from './logger.js';

export type JobPeriod = 'minute' | 'hour' | 'day' | 'week';

export interface JobContext {
  db: Database;
  log: Logger;
  now: Date;
  periodKey: string;
}

export interface Job {
  name: string;
  period: JobPeriod;
  run(ctx: JobContext): Promise<void>;
}

/** The UTC period an instant falls in, as a sortable key: 2026-11-26T14:05 / 2026-11-26T14 / 2026-11-26 / 2026-W48. */
export function periodKey(period: JobPeriod, now: Date): string {
  const iso = now.toISOString();
  switch (period) {
    case 'minute':
      return iso.slice(0, 16);
    case 'hour':
      return iso.slice(0, 13);
    case 'day':
      return iso.slice(0, 10);
    case 'week':
      // ISO-8601 week of the UTC date (the week belongs to the year of its Thursday): the shared calendar's.
      return isoWeekOf(iso.slice(0, 10)).key;
  }
}

/** Claims (job, key); true for exactly one caller however many race. */
export async function claimJobRun(db: Db, job: string, key: string, instance: string): Promise<boolean> {
  const result = await db
    .insertInto('job_runs')
    .values({ job, period_key: key, instance, started_at: nowIso(), finished_at: null, status: 'running', error: null })
    .onConflict((oc) => oc.columns(['job', 'period_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export class JobScheduler {
  readonly instance = `${hostname()}-${process.pid}-${newId().slice(0, 8)}`;
  private readonly jobs: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    /** The credentials cache, on PostgreSQL: a job may have changed members or sessions (decision 030). */
    private readonly credentials: CredentialsCache | null = null,
  ) {}

  add(job: Job): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`Job ${job.name} is registered twice`);
    this.jobs.push(job);
  }

  list(): readonly Job[] {
    return this.jobs;
  }

  /** Runs every job whose current period has not been claimed yet. Returns the names it ran. */
  async runDue(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const key = periodKey(job.period, now);
      if (!(await claimJobRun(this.db.kysely, job.name, key, this.instance))) continue;
      ran.push(job.name);
      try {
        await job.run({ db: this.db, log: this.log, now, periodKey: key });
        await this.finish(job.name, key, 'done', null);
      } catch (err) {
        this.log.error({ err, job: job.name, key }, 'job failed');
        await this.finish(job.name, key, 'failed', err instanceof Error ? err.message : String(err));
      }
      // A job, even one that failed half-way, may have changed any workspace's data: cached reads are read
      // again (docs/decisions/025).
      const bump = () => bumpReadVersions(this.db.kysely, [ALL_WORKSPACES]);
      if (this.credentials) await this.credentials.afterWrite(bump);
      else await bump();
    }
    return ran;
  }

  private async finish(job: string, key: string, status: 'done' | 'failed', error: string | null): Promise<void> {
    await this.db.kysely
      .updateTable('job_runs')
      .set({ status, error, finished_at: nowIso() })
      .where('job', '=', job)
      .where('period_key', '=', key)
      .execute();
  }

  start(intervalMs = 15_000): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runDue()
        .then(() => undefined)
        .catch((err: unknown) => this.log.error({ err }, 'job tick failed'))
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  /** Stops scheduling and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
