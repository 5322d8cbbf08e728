export interface JobRunsTable {
  /** (job, period_key) is the primary key: inserting it claims the run, once across all instances. */
  job: string;
  period_key: string;
  instance: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'failed';
  error: string | null;
}
