// The app factory (STYLE: createApp(config) → start() / close(); never listens on import).
// Handler pipeline: rate limit → authenticate (onRequest) → validate (Zod) → authorize (policy) → handler.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangeFeed } from '../db/change-feed.js';
import { Database } from '../db/database.js';
import type { Capability } from './capability.js';
import { ErrorView, type AppContext, type Server } from './context.js';
import { registerContractRoutes } from './contract-routes.js';
import { requireAccess, resolveAuth, routeAccess, type Access, type CredentialsCache } from './auth.js';
import { AuthCache } from './auth-cache.js';
import type { Config } from './config.js';
import { AppError, explainDatabaseError } from './errors.js';
import { JobScheduler } from './jobs.js';
import { createLogger, type Logger } from './logger.js';
import { Outbox } from './outbox.js';
import { databaseRateLimitStore, rateLimitSweepJob } from './rate-limits.js';
import { ReadCache, registerReadCache } from './read-cache.js';
import { sentence, validationMessage } from './validation-messages.js';

// Every schema the server parses words its refusals as sentences (issue 10); a schema's own message outranks this.
z.config({ customError: validationMessage });

/** One registered route, as the tenant-isolation, role and hostile-input tests enumerate them. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** The route's OpenAPI tags (the capability it belongs to). */
  tags: string[];
  /** The request schemas as registered: Zod for our routes, JSON Schema for plugins' (Swagger UI). */
  schema: { body?: unknown; params?: unknown; querystring?: unknown };
}

export interface App {
  ctx: AppContext;
  server: Server;
  routes: RouteEntry[];
  /** Listens on config.port; resolves to the address. */
  start(): Promise<string>;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** The rooms, in order (the composition root, src/lockstep.ts, passes src/capabilities/index.ts's list). */
  capabilities: readonly Capability[];
  db?: Database;
  log?: Logger;
}

export type { AppContext, Server };
export { ErrorView };

/** The kernel's app factory: it knows the rooms only as the Capability list it is given. */
export async function createApp(config: Config, opts: CreateAppOptions): Promise<App> {
  const { capabilities } = opts;
  const log = opts.log ?? createLogger(config);
  const db = opts.db ?? (await Database.open(config.database));
  if (!opts.db) await db.migrate();
  const outbox = new Outbox(db, log);
  const readCache = new ReadCache({ maxAgeMs: config.readCacheMs });
  // On PostgreSQL, what credentials resolve to is kept in memory while the change feed is connected (decision 030).
  const { credentials, changeFeed } = await startCredentialsCache(config, db, log);
  const jobs = new JobScheduler(db, log, credentials);
  const ctx: AppContext = { config, db, log, outbox, jobs, readCache, credentials, changeFeed, agendaSections: [], alignmentSignals: [], todos: [], gettingStarted: [], dealCitations: [], winCandidates: [], calendarEvents: [], digestSections: [], auditDescribers: [], memberDeactivated: [] };
  ctx.agendaSections = capabilities.flatMap((c) => c.agendaSections?.(ctx) ?? []);
  ctx.alignmentSignals = capabilities.flatMap((c) => c.alignmentSignals?.(ctx) ?? []);
  ctx.todos = capabilities.flatMap((c) => c.todos?.(ctx) ?? []);
  ctx.gettingStarted = capabilities.flatMap((c) => c.gettingStarted?.(ctx) ?? []);
  ctx.dealCitations = capabilities.flatMap((c) => c.dealCitations?.(ctx) ?? []);
  ctx.winCandidates = capabilities.flatMap((c) => c.winCandidates?.(ctx) ?? []);
  ctx.calendarEvents = capabilities.flatMap((c) => c.calendarEvents?.(ctx) ?? []);
  ctx.digestSections = capabilities.flatMap((c) => c.digestSections?.(ctx) ?? []);
  ctx.auditDescribers = capabilities.flatMap((c) => c.auditDescribers?.(ctx) ?? []);
  ctx.memberDeactivated = capabilities.flatMap((c) => (c.memberDeactivated ? [c.memberDeactivated] : []));

  const server = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // One line per request (below, when it completes), not Fastify's two (incoming + completed).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Only listed proxies' X-Forwarded-* headers count (req.ip, req.protocol, req.host); see config.ts.
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router raises before any hook (a malformed percent-escape in the path) answer in our shape.
    frameworkErrors: (err, _req, reply: FastifyReply) => {
      const { status, body } = presentError(err);
      void reply.code(status).header('cache-control', 'no-store').send(body);
    },
  }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body (which a cross-site form can send) answers 415.
  server.removeContentTypeParser('text/plain');

  const routes: RouteEntry[] = [];
  server.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const access = routeAccess(r.url, r.config);
    const { body, params, querystring, tags } = (r.schema ?? {}) as RouteEntry['schema'] & { tags?: string[] };
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (r.url.startsWith('/api/')) routes.push({ method, url: r.url, access, tags: tags ?? [], schema: { body, params, querystring } });
    }
  });

  server.decorateRequest('auth', null);
  registerReadCache(server, db, readCache, credentials);
  // The request log: one line per request, at info, with what an operator filters on. It names the route's
  // pattern, not the URL: invite links and calendar feeds carry their secret in the path.
  server.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? null;
    req.log.info({ method: req.method, route: route ?? '(no route)', statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });
  server.setErrorHandler((err, req, reply) => {
    const { status, body } = presentError(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    // A database error the safety net answered is still a gap in some route's validation: keep it visible.
    else if (explainDatabaseError(err)) req.log.warn({ err }, 'the database refused a request that passed validation');
    return reply.code(status).send(body);
  });
  // Nothing under /api may be kept by a browser or a proxy: answers carry secrets (new tokens, feed URLs).
  server.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  // Control characters are refused in one place, for every string of every request (docs/decisions/013).
  server.addHook('preValidation', async (req) => {
    refuseControlCharacters({ body: req.body, params: req.params, query: req.query });
  });
  server.setNotFoundHandler((req, reply) => {
    // A missing file (a stale asset, a source map not served) is a 404, never the app's index.html.
    const isFile = /\/[^/]*\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
    if (req.url.startsWith('/api/') || isFile || !existsSync(resolve(config.webDist, 'index.html'))) {
      return reply.code(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}.` } });
    }
    return reply.sendFile('index.html');
  });

  // brotli or gzip, as the client asks, for the API and the web app. Registered after the read cache, so the
  // cache keeps answers uncompressed and each is compressed for its client. Brotli at quality 4: near gzip's CPU
  // cost with smaller output (its default, 11, costs tens of milliseconds on a page of JSON).
  await server.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await server.register(fastifyCookie);
  // Counted in the database, so a route's limit holds across instances (docs/decisions/013).
  await server.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(db.kysely) });
  jobs.add(rateLimitSweepJob);
  await server.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  // Authenticate before the body is even parsed; the route's config says what it requires.
  server.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    checkOrigin(req, config);
    const access = routeAccess(req.url, req.routeOptions.config);
    try {
      req.auth = await resolveAuth(db, req, credentials);
    } catch (err) {
      // A public route does not need credentials, so bad ones make the caller anonymous: a stale token in a
      // monitoring probe must not fail /api/health.
      if (access !== 'public' || !(err instanceof AppError) || err.code !== 'unauthenticated') throw err;
      req.auth = null;
    }
    requireAccess(req, access);
  });

  await server.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lockstep API',
        version: '1',
        description:
          'Keeps sales and marketing aligned. Authenticate with the session cookie (the web app) or ' +
          '`Authorization: Bearer lst_…` (an API token made on Settings → API tokens). Errors always have the ' +
          'shape `{ "error": { "code", "message", "details"? } }`; ids of another workspace answer 404.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (lst_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'lockstep_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await server.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets a few inline styles at run time.
    transformStaticCSP: (header) => header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });

  server.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => server.swagger());
  server.get(
    '/api/health',
    {
      schema: { tags: ['system'], summary: 'Liveness: the process answers.', response: { 200: z.object({ status: z.literal('ok') }) } },
      config: { access: 'public' },
    },
    async () => ({ status: 'ok' as const }),
  );
  server.get(
    '/api/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers.',
        response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) }), 503: ErrorView },
      },
      config: { access: 'public' },
    },
    async (_req, reply) => {
      try {
        await db.ping();
        return { status: 'ready' as const, database: db.dialect };
      } catch {
        return reply.code(503).send({ error: { code: 'unavailable', message: 'The database does not answer.' } });
      }
    },
  );

  for (const capability of capabilities) {
    await server.register(async (scope) => capability.register(scope.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: '/api/v1' });
    for (const job of capability.jobs?.(ctx) ?? []) jobs.add(job);
  }
  await server.register(async (scope) => registerContractRoutes(scope.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: '/api/v1' });

  if (existsSync(config.webDist)) {
    await server.register(fastifyStatic, {
      root: resolve(config.webDist),
      wildcard: true,
      index: 'index.html',
      // Vite's assets carry a content hash in their names and never change; index.html (and the unhashed files
      // next to it) names them, so browsers check it on every load.
      cacheControl: false,
      setHeaders: (res, path) => res.header('cache-control', IMMUTABLE_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      // Source maps show the whole client source; served only when SOURCE_MAPS=on.
      allowedPath: (pathName) => config.serveSourceMaps || !pathName.endsWith('.map'),
    });
  }

  await server.ready();

  let listening = false;
  return {
    ctx,
    server,
    routes,
    async start() {
      const address = await server.listen({ port: config.port, host: config.host });
      listening = true;
      if (config.jobs) {
        jobs.start();
        outbox.start();
      }
      return address;
    },
    async close() {
      // Finish in-flight requests, then jobs and deliveries, then the database (SPEC S8 graceful shutdown).
      await server.close();
      await jobs.stop();
      await outbox.stop();
      await changeFeed?.close();
      if (!opts.db) await db.close();
      void listening;
    },
  };
}

/**
 * The credentials cache and the change feed it trusts, on PostgreSQL with the read cache on; none on SQLite, where
 * the credentials query is an in-process call and nothing would tell this process of another's writes.
 */
async function startCredentialsCache(config: Config, db: Database, log: Logger): Promise<{ credentials: CredentialsCache | null; changeFeed: ChangeFeed | null }> {
  if (db.dialect !== 'postgres' || config.database.kind !== 'postgres' || config.readCacheMs <= 0) return { credentials: null, changeFeed: null };
  let changeFeed: ChangeFeed | null = null;
  const credentials: CredentialsCache = new AuthCache(() => changeFeed?.connected ?? false);
  changeFeed = new ChangeFeed({
    url: config.database.url,
    schema: config.database.schema,
    onChange: (change) => credentials.onChange(change),
    onReset: () => credentials.reset(),
    onError: (err) => log.warn({ err }, 'The change feed lost its connection to PostgreSQL; credentials are read from the database until it is back.'),
  });
  await changeFeed.start();
  return { credentials, changeFeed };
}

/** A file Vite wrote under assets/ with a content hash in its name (index-BX3f9a1c.js). */
const IMMUTABLE_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

function checkOrigin(req: FastifyRequest, config: Config): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const origin = req.headers.origin;
  if (origin) {
    if (!isThisSite(origin, req, config)) throw new AppError('forbidden', 'Cross-site request refused: the Origin does not match this site.');
  } else if (req.headers['sec-fetch-site'] === 'cross-site') {
    throw new AppError('forbidden', 'Cross-site request refused.');
  }
}

/**
 * This site is PUBLIC_URL. Reached directly (no proxy trusted), it is also whatever Host the browser
 * connected to. X-Forwarded-Host is never compared: anyone can send it, with the Origin to match.
 */
function isThisSite(origin: string, req: FastifyRequest, config: Config): boolean {
  if (origin === new URL(config.publicUrl).origin) return true;
  if (config.trustProxy !== false) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Tab, line feed and carriage return are text; the rest of C0 and DEL are not (docs/decisions/013). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const codePoint = (text: string): string => {
  const found = CONTROL_CHARACTER.exec(text)?.[0] ?? '';
  return `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
};

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

/** The path of a visited value, from its part (body, params, query) down. */
function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let v: Visit | null = visit; v; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * Throws 400 at the first string (or object key) holding a control character, anywhere in the body,
 * params or query. Walks with its own stack and parent links, so a body nested 400,000 levels deep (1 MB
 * of brackets) costs linear time and cannot overflow the call stack.
 */
function refuseControlCharacters(parts: Record<string, unknown>): void {
  const stack: Visit[] = Object.entries(parts).map(([key, value]) => ({ value, key, parent: null }));
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (!CONTROL_CHARACTER.test(value)) continue;
      const char = codePoint(value);
      const path = pathOf(visit);
      const label = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? 'A value';
      throw new AppError('validation_failed', `${label === path[0] ? `The request ${label}` : label} contains a control character (${char}); remove it.`, [
        { path: path.join('.'), message: `contains a control character (${char})` },
      ]);
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      if (CONTROL_CHARACTER.test(key)) {
        const char = codePoint(key);
        const where = pathOf(visit).join('.');
        throw new AppError('validation_failed', `A field name in ${where} contains a control character (${char}); remove it.`, [
          { path: where, message: `a field name contains a control character (${char})` },
        ]);
      }
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit });
    }
  }
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

export function presentError(err: unknown): { status: number; body: z.infer<typeof ErrorView> } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } } };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const where = [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
      return { path: where, message: sentence(v.message ?? 'is not valid', v.instancePath.split('/').filter(Boolean)) };
    });
    const message = issues[0]?.message ?? 'The request is not valid.';
    return { status: 400, body: { error: { code: 'validation_failed', message, details: issues } } };
  }
  const fromDatabase = explainDatabaseError(err);
  if (fromDatabase) return presentError(fromDatabase);
  const e = (err ?? {}) as FastifyLikeError;
  switch (e.code) {
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: { error: { code: 'bad_request', message: 'This address is not valid: it has a malformed percent-escape (%). Check the link.' } } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: { code: 'bad_request', message: `The request body is not valid JSON: ${e.message ?? ''}`.trim() } } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: { code: 'payload_too_large', message: 'The request body is larger than this endpoint accepts.' } } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: { code: 'unsupported_media_type', message: 'Send the body as application/json.' } } };
  }
  if (e.statusCode === 429) {
    return { status: 429, body: { error: { code: 'rate_limited', message: e.message ?? 'Too many requests; wait a minute and try again.' } } };
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: { code: 'bad_request', message: e.message ?? 'Bad request.' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } } };
}
