// The app factory (STYLE: createApp(config) → start() / close(); never listens on import).
// Handler pipeline: rate limit → authenticate (onRequest) → validate (Zod) → authorize (policy) → handler.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type RawServerDefault } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capabilities } from '../capabilities/index.js';
import type { AgendaSectionProvider } from '../capabilities/checkins/domain/types.js';
import { Database } from '../db/database.js';
import { requireAccess, resolveAuth, type Access } from './auth.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import { JobScheduler } from './jobs.js';
import { createLogger, type Logger } from './logger.js';
import { Outbox } from './outbox.js';

export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  outbox: Outbox;
  jobs: JobScheduler;
  /** Every capability's check-in agenda sections, collected before routes are registered. */
  agendaSections: AgendaSectionProvider[];
}

export type Server = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** One registered route, as the tenant-isolation and role tests enumerate them. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

export interface App {
  ctx: AppContext;
  server: Server;
  routes: RouteEntry[];
  /** Listens on config.port; resolves to the address. */
  start(): Promise<string>;
  close(): Promise<void>;
}

export const ErrorView = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('Every error has this shape.');

export async function createApp(config: Config, opts: { db?: Database; log?: Logger } = {}): Promise<App> {
  const log = opts.log ?? createLogger(config);
  const db = opts.db ?? (await Database.open(config.database));
  if (!opts.db) await db.migrate();
  const outbox = new Outbox(db, log);
  const jobs = new JobScheduler(db, log);
  const ctx: AppContext = { config, db, log, outbox, jobs, agendaSections: [] };
  ctx.agendaSections = capabilities.flatMap((c) => c.agendaSections?.(ctx) ?? []);

  const server = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // Only listed proxies' X-Forwarded-* headers count (req.ip, req.protocol, req.host); see config.ts.
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body (which a cross-site form can send) answers 415.
  server.removeContentTypeParser('text/plain');

  const routes: RouteEntry[] = [];
  server.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const access = r.config?.access ?? (r.url.startsWith('/api/v1') ? 'member' : 'public');
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (r.url.startsWith('/api/')) routes.push({ method, url: r.url, access });
    }
  });

  server.decorateRequest('auth', null);
  server.setErrorHandler((err, req, reply) => {
    const { status, body } = presentError(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send(body);
  });
  server.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(resolve(config.webDist, 'index.html'))) {
      return reply.code(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}.` } });
    }
    return reply.sendFile('index.html');
  });

  await server.register(fastifyCookie);
  await server.register(fastifyRateLimit, { global: false });
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
    req.auth = await resolveAuth(db.kysely, req);
    requireAccess(req, req.routeOptions.config?.access ?? (req.url.startsWith('/api/v1') ? 'member' : 'public'));
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

  if (existsSync(config.webDist)) {
    await server.register(fastifyStatic, { root: resolve(config.webDist), wildcard: true, index: 'index.html' });
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
      if (!opts.db) await db.close();
      void listening;
    },
  };
}

function checkOrigin(req: FastifyRequest, config: Config): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const origin = req.headers.origin;
  if (origin) {
    const host = req.headers['x-forwarded-host'] ?? req.headers.host;
    let ok = origin === new URL(config.publicUrl).origin;
    try {
      ok ||= new URL(origin).host === host;
    } catch {
      ok = false;
    }
    if (!ok) throw new AppError('forbidden', 'Cross-site request refused: the Origin does not match this site.');
  } else if (req.headers['sec-fetch-site'] === 'cross-site') {
    throw new AppError('forbidden', 'Cross-site request refused.');
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
      return { path: where, message: v.message ?? 'is invalid' };
    });
    const first = issues[0];
    const message = first ? `Invalid request: ${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid request.';
    return { status: 400, body: { error: { code: 'validation_failed', message, details: issues } } };
  }
  const e = (err ?? {}) as FastifyLikeError;
  switch (e.code) {
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
