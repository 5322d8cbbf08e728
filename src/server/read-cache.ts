// The per-workspace read cache (docs/decisions/025, ARCHITECTURE "Read path"). A route opts in with
// `config: { readCache: true }`; its 200 answers are kept, serialized, per member and URL, together with the
// workspace's read versions at the time the request was authenticated. A later request by the same member for
// the same URL is answered from the cache while both versions are unchanged and the entry is younger than
// maxAgeMs (state derived from the clock, such as a meeting starting, is at most that stale).
//
// Invalidation: every POST/PUT/PATCH/DELETE under /api that reached its handler and succeeded bumps a version
// before its answer is sent — the actor's workspace for workspace routes, every workspace for the rest (/me, links,
// sign-up) — so the writer's next read, on any instance, misses. Jobs and CLI commands bump every workspace.
//
// Why this is safe: the versions are read before the data. A write that commits after they were read bumps
// after, so the entry it could have made stale is already outdated when it is stored.
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { ALL_WORKSPACES, bumpReadVersions, type ReadVersions } from '../db/read-versions.js';
import type { Database } from '../db/database.js';
import { routeAccess, type CredentialsCache } from './auth.js';
import type { Server } from './context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this GET's answers in the read cache (its answer depends only on the workspace's data, the member, the URL and the clock). */
    readCache?: boolean;
    /** A write that changes nothing any cached read shows (signing in or out): it bumps no version. */
    readsUnchanged?: boolean;
  }
  interface FastifyRequest {
    /** Set when the request reached its handler: a write that got this far may have changed data. */
    reachedHandler: boolean;
    /** The cache key this request will fill on a miss. */
    readCacheFill: { key: string; versions: ReadVersions; fill: Fill | null } | null;
  }
}

interface Entry {
  /** The answer as UTF-8 bytes, encoded once when kept rather than on every hit. */
  body: Buffer;
  workspace: number;
  all: number;
  at: number;
}

export interface ReadCacheOptions {
  /** 0 turns the cache off (every read goes to the database); writes still bump versions. */
  maxAgeMs: number;
  /** Bound on the serialized answers kept, in bytes (UTF-16 code units). */
  maxBytes?: number;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** How long a request waits for another's read of the same answer before reading it itself. */
const FILL_WAIT_MS = 5_000;

const sameVersions = (a: ReadVersions, b: ReadVersions): boolean => a.workspace === b.workspace && a.all === b.all;

export interface Fill {
  versions: ReadVersions;
  done: Promise<Buffer | null>;
  end: (body: Buffer | null) => void;
}

export class ReadCache {
  private readonly entries: LRUCache<string, Entry>;
  /** Answers being read right now, so that requests arriving meanwhile wait for it instead of all reading it. */
  private readonly filling = new Map<string, Fill>();
  hits = 0;
  misses = 0;

  constructor(private readonly options: ReadCacheOptions) {
    this.entries = new LRUCache<string, Entry>({ maxSize: options.maxBytes ?? 32 * 1024 * 1024, sizeCalculation: (e) => e.body.byteLength + 200 });
  }

  /** The kept answer for key, if it was read at these versions and is young enough. */
  get(key: string, versions: ReadVersions, now = Date.now()): Buffer | null {
    const e = this.entries.get(key);
    if (!e || e.workspace !== versions.workspace || e.all !== versions.all || now - e.at >= this.options.maxAgeMs) return null;
    return e.body;
  }

  set(key: string, versions: ReadVersions, body: Buffer, now = Date.now()): void {
    if (this.options.maxAgeMs <= 0) return;
    this.entries.set(key, { body, workspace: versions.workspace, all: versions.all, at: now });
  }

  /**
   * The answer another request is reading right now for the same key at the same versions, once it has it;
   * null when none is (or it failed, or took longer than FILL_WAIT_MS). When an entry expires under load, one
   * request reads it again and the others wait for that read, instead of all of them reading at once.
   */
  async awaitFill(key: string, versions: ReadVersions): Promise<Buffer | null> {
    const fill = this.filling.get(key);
    if (!fill || !sameVersions(fill.versions, versions)) return null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((done) => {
      timer = setTimeout(() => done(null), FILL_WAIT_MS);
    });
    try {
      return await Promise.race([fill.done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** This request reads the answer; others for the same key and versions wait until it calls endFill. */
  startFill(key: string, versions: ReadVersions): Fill | null {
    if (this.options.maxAgeMs <= 0 || this.filling.has(key)) return null;
    let end!: (body: Buffer | null) => void;
    const done = new Promise<Buffer | null>((resolve) => {
      end = resolve;
    });
    const fill = { versions, done, end };
    this.filling.set(key, fill);
    return fill;
  }

  /** The read is over: keep its answer (null: it was not a 200) and wake those waiting on it. Idempotent. */
  endFill(key: string, versions: ReadVersions, answer: string | null, fill: Fill | null): void {
    const body = answer === null ? null : Buffer.from(answer);
    if (body !== null) this.set(key, versions, body);
    if (fill && this.filling.get(key) === fill) {
      this.filling.delete(key);
      fill.end(body);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The hooks: serve hits before the handler, keep 200s, bump versions after writes. */
export function registerReadCache(server: Server, db: Database, cache: ReadCache, credentials: CredentialsCache | null): void {
  server.decorateRequest('reachedHandler', false);
  server.decorateRequest('readCacheFill', null);

  server.addHook('preHandler', async (req, reply) => {
    req.reachedHandler = true;
    if (req.method !== 'GET' || !req.routeOptions.config?.readCache) return;
    const actor = req.auth?.actor;
    const versions = req.auth?.readVersions;
    if (!actor || !versions) return;
    const key = `${actor.memberId} ${req.url}`;
    const body = cache.get(key, versions) ?? (await cache.awaitFill(key, versions));
    if (body === null) {
      cache.misses++;
      req.readCacheFill = { key, versions, fill: cache.startFill(key, versions) };
      return;
    }
    cache.hits++;
    return reply.type('application/json; charset=utf-8').send(body);
  });

  server.addHook('onSend', async (req, reply, payload) => {
    const fill = req.readCacheFill;
    if (fill) {
      cache.endFill(fill.key, fill.versions, reply.statusCode === 200 && typeof payload === 'string' ? payload : null, fill.fill);
      req.readCacheFill = null;
    }
    // A refused write (4xx) rolled back, and a hostile client must not be able to empty everyone's cache.
    if (MUTATING.has(req.method) && req.reachedHandler && reply.statusCode < 400 && req.url.startsWith('/api/')) {
      // Any write may have changed a session, token or member (signing out, revoking, deactivating): this
      // instance forgets what credentials resolved to before the caller can send its next request.
      const bump = req.routeOptions.config?.readsUnchanged ? null : () => bumpReadVersions(db.kysely, [scopeOfWrite(req)]);
      if (credentials) await credentials.afterWrite(bump);
      else await bump?.();
    }
    return payload;
  });
  // A read that never sent (the client went away) must not keep others waiting.
  const abandon = async (req: FastifyRequest) => {
    const fill = req.readCacheFill;
    if (fill) cache.endFill(fill.key, fill.versions, null, fill.fill);
  };
  server.addHook('onResponse', abandon);
  server.addHook('onRequestAbort', abandon);
}

/** What a write may have changed: its actor's workspace on workspace routes, any workspace otherwise. */
function scopeOfWrite(req: FastifyRequest): string {
  const actor = req.auth?.actor;
  const url = req.routeOptions.url ?? '';
  const access = routeAccess(url, req.routeOptions.config);
  // /me routes act on the person across workspaces (accepting an invitation joins another one).
  if (actor && access === 'member' && url.startsWith('/api/v1/') && !url.startsWith('/api/v1/me')) return actor.workspaceId;
  return ALL_WORKSPACES;
}

