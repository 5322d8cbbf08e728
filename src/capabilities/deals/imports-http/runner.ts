// The background half of an import (issue 11): checking a file and writing its rows run on the instance that took
// the request, after it answered 202. The runner keeps what runs here, so a cancel can stop it, a second start is
// refused, and closing the app waits for it instead of pulling the database from under it (SPEC S8: shutdown
// finishes in-flight work).
import type { Logger } from '../../../server/logger.js';

/** Thrown from a job's progress callback when the import was cancelled: the engine stops reading the file. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelled';
  }
}

export type ImportJobKind = 'validate' | 'commit';

interface Job {
  kind: ImportJobKind;
  cancelled: boolean;
  done: Promise<void>;
}

/** What a running job may ask: whether it should stop (checked on every progress report). */
export interface JobControl {
  /** Throws ImportCancelled once the import was cancelled. */
  checkpoint(): void;
}

export class ImportRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly log: Logger) {}

  /** The kind of job running here for this import, or null. */
  running(importId: string): ImportJobKind | null {
    return this.jobs.get(importId)?.kind ?? null;
  }

  /** Starts `work` in the background; false (and nothing started) when a job for this import already runs here. */
  start(importId: string, kind: ImportJobKind, work: (control: JobControl) => Promise<void>): boolean {
    if (this.jobs.has(importId)) return false;
    const job: Job = { kind, cancelled: false, done: Promise.resolve() };
    const control: JobControl = {
      checkpoint() {
        if (job.cancelled) throw new ImportCancelled();
      },
    };
    job.done = (async () => {
      // Let the request that started the job answer first.
      await new Promise<void>((r) => setImmediate(r));
      try {
        await work(control);
      } catch (err) {
        if (!(err instanceof ImportCancelled)) this.log.error({ err, importId, kind }, 'deal import job failed');
      } finally {
        this.jobs.delete(importId);
      }
    })();
    this.jobs.set(importId, job);
    return true;
  }

  /** Asks the job to stop at its next progress report and waits until it has; resolves at once when none runs. */
  async cancel(importId: string): Promise<void> {
    const job = this.jobs.get(importId);
    if (!job) return;
    job.cancelled = true;
    await job.done;
  }

  /** Resolves when this import's job (if any) has ended. */
  async settled(importId: string): Promise<void> {
    await this.jobs.get(importId)?.done;
  }

  /** Waits for every running job. */
  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }
}
