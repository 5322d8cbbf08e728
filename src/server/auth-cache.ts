// What a request's credentials resolved to, kept in memory on PostgreSQL so that a read served from the read
// cache costs no database round trip at all (docs/decisions/030). Two things are kept:
//   - credentials: the row the credentials query gave for a session id or token hash (minus the versions);
//   - versions: each scope's read version, as last heard (the query's answer, our own bumps, the change feed).
// Both are trusted only while the change feed is connected, which tells every instance at once about a change to
// sessions, tokens or members (credentials are then forgotten) and about each version bump (versions only move up,
// so merging with max is order-free). Writes on this instance forget credentials before they answer, so a
// sign-out or a revocation holds for the very next request here; another instance hears of it when PostgreSQL
// delivers the notification (normally well under a millisecond after commit).
//
// A read that started before a change and finishes after it must not store what it read: each read records the
// epoch before querying and stores only if no change to credentials was heard meanwhile.
import { LRUCache } from 'lru-cache';
import { ALL_WORKSPACES, type ReadVersions } from '../db/read-versions.js';
import type { Change } from '../db/change-feed.js';

/** How long a credentials entry is kept even when nothing was heard: a bound if a notification were ever lost. */
const CREDENTIALS_MAX_AGE_MS = 30_000;
const CREDENTIALS_MAX = 20_000;

export class AuthCache<Row extends object = object> {
  private readonly credentials = new LRUCache<string, { row: Row; at: number }>({ max: CREDENTIALS_MAX });
  private readonly versions = new Map<string, number>();
  private epoch = 0;
  hits = 0;

  constructor(private readonly trusted: () => boolean) {}

  /** The epoch to pass to remember(): read it before querying. */
  get currentEpoch(): number {
    return this.epoch;
  }

  /** The kept row for a credential and its workspace's versions, or null (then query the database). */
  lookup(key: string, workspaceOf: (row: Row) => string | null, now = Date.now()): { row: Row; versions: ReadVersions | null } | null {
    if (!this.trusted()) return null;
    const entry = this.credentials.get(key);
    if (!entry || now - entry.at >= CREDENTIALS_MAX_AGE_MS) return null;
    const workspaceId = workspaceOf(entry.row);
    if (workspaceId === null) return { row: entry.row, versions: null };
    const workspace = this.versions.get(workspaceId);
    const all = this.versions.get(ALL_WORKSPACES);
    if (workspace === undefined || all === undefined) return null;
    this.hits++;
    return { row: entry.row, versions: { workspace, all } };
  }

  /** Keeps what the database answered, unless credentials changed since epoch was read. */
  remember(key: string, row: Row, epoch: number, now = Date.now()): void {
    if (!this.trusted() || epoch !== this.epoch) return;
    this.credentials.set(key, { row, at: now });
  }

  /**
   * Versions learnt from the database (the credentials query, or our own bump's answer), by a query started at
   * epoch: if the feed reconnected since, a bump it missed may be newer than what the query saw, so it is dropped.
   */
  noteVersions(workspaceId: string | null, versions: ReadVersions, epoch: number): void {
    if (epoch !== this.epoch) return;
    if (workspaceId !== null) this.noteVersion(workspaceId, versions.workspace);
    this.noteVersion(ALL_WORKSPACES, versions.all);
  }

  noteBump(scope: string, version: number, epoch: number): void {
    if (epoch === this.epoch) this.noteVersion(scope, version);
  }

  private noteVersion(scope: string, version: number): void {
    if (!this.trusted()) return;
    const known = this.versions.get(scope);
    if (known === undefined || version > known) this.versions.set(scope, version);
  }

  /**
   * A write made on this instance: forget every credential (it may have been a sign-out or a revocation) and learn
   * the versions its bump returned, so this instance's next read sees the write without waiting for the feed.
   */
  async afterWrite(bump: (() => Promise<Array<{ scope: string; version: number }>>) | null): Promise<void> {
    this.forgetCredentials();
    if (!bump) return;
    const epoch = this.epoch;
    for (const { scope, version } of await bump()) this.noteBump(scope, version, epoch);
  }

  /** A change made here to sessions, tokens or members (or anything that may be one): forget every credential. */
  forgetCredentials(): void {
    this.epoch++;
    this.credentials.clear();
  }

  /** The feed lost or regained its connection: nothing learnt before can be trusted. */
  reset(): void {
    this.forgetCredentials();
    this.versions.clear();
  }

  onChange(change: Change): void {
    if (change.kind === 'credentials') this.forgetCredentials();
    else this.noteVersion(change.scope, change.version);
  }

  get size(): number {
    return this.credentials.size;
  }
}
