// The one place that reads process.env (STYLE: config read in one module, validated at boot).
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

// The names proxy-addr (Fastify's trustProxy) accepts for whole ranges, besides addresses and CIDRs.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY entry: an address, an address/prefix (CIDR), or a range name. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

// Off unless listed: trusting every X-Forwarded-For would let anyone pick their own address and defeat
// every per-address rate limit (docs/decisions/013).
const TrustProxy = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((e) => e.trim()).filter((e) => e.length > 0))
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      if (!isProxyEntry(entry)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal` });
      }
    }
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  SQLITE_PATH: z.string().default('./data/lockstep.sqlite'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  JOBS: z.enum(['on', 'off']).default('on'),
  DEMO: z.enum(['on', 'off']).default('on'),
  WEB_DIST: z.string().default('./dist/web'),
  TRUST_PROXY: TrustProxy,
  READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  SOURCE_MAPS: z.enum(['on', 'off']).default('off'),
  UPLOADS_DIR: z.string().min(1).default('./data/uploads'),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(200 * 1024 * 1024),
  // Channel settings are sealed with it (docs/decisions/049); unset, a key is generated into the data folder.
  LOCKSTEP_SECRET_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isSecretKey(v), { message: 'must be the base64 of 32 bytes (openssl rand -base64 32)' }),
  NODE_ENV: z.string().optional(),
});

function isSecretKey(text: string): boolean {
  const t = text.trim();
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(t) && Buffer.from(t, 'base64').length === 32;
}

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** The address people reach the app at; used in invite links and calendar feeds. */
  publicUrl: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionDays: number;
  /** 'auto' marks cookies Secure when the request arrived over HTTPS (x-forwarded-proto honoured). */
  secureCookies: 'auto' | boolean;
  jobs: boolean;
  /** Create the demo workspace when the database has no workspace at all. */
  demo: boolean;
  webDist: string;
  /**
   * The proxies whose X-Forwarded-For/-Proto/-Host headers are believed (addresses, CIDRs or proxy-addr
   * range names); false believes none and takes the client address from the connection.
   */
  trustProxy: false | string[];
  /**
   * How long a cached read may be served while no write has changed its workspace (docs/decisions/025); it
   * bounds how stale state derived from the clock can be. 0 turns the read cache off.
   */
  readCacheMs: number;
  /** Serve the web app's source maps (they show the whole client source); off unless SOURCE_MAPS=on. */
  serveSourceMaps: boolean;
  /** Where uploaded files wait while they are checked and imported (deal exports); each is deleted when its import ends. */
  uploadsDir: string;
  /** The largest deal export an upload may be, in bytes (413 above it); 200 MB unless IMPORT_MAX_BYTES says otherwise. */
  importMaxBytes: number;
  /** LOCKSTEP_SECRET_KEY (base64 of 32 bytes) that seals channel settings; null: the key file below. */
  secretKey: string | null;
  /** Where the key is generated on first start and read after when secretKey is null (next to the SQLite file). */
  secretKeyPath: string;
  /** NODE_ENV is 'production': outbound webhooks must be https, even to localhost. */
  production: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.SQLITE_PATH },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    sessionDays: e.SESSION_DAYS,
    secureCookies: e.SECURE_COOKIES === 'auto' ? 'auto' : e.SECURE_COOKIES === 'true',
    jobs: e.JOBS === 'on',
    demo: e.DEMO === 'on',
    webDist: e.WEB_DIST,
    trustProxy: e.TRUST_PROXY.length > 0 ? e.TRUST_PROXY : false,
    readCacheMs: e.READ_CACHE_MS,
    serveSourceMaps: e.SOURCE_MAPS === 'on',
    uploadsDir: e.UPLOADS_DIR,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    secretKey: e.LOCKSTEP_SECRET_KEY ? e.LOCKSTEP_SECRET_KEY.trim() : null,
    // Beside the SQLite file; an in-memory database (or PostgreSQL with the default path) uses ./data.
    secretKeyPath: e.SQLITE_PATH === ':memory:' ? join('data', 'secret.key') : join(dirname(e.SQLITE_PATH), 'secret.key'),
    production: e.NODE_ENV === 'production',
  };
}

/** A config for tests and embedded use: in-memory SQLite, no jobs, no demo, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'sqlite', path: ':memory:' },
    publicUrl: 'http://localhost:3000',
    logLevel: 'silent',
    sessionDays: 30,
    secureCookies: false,
    jobs: false,
    demo: false,
    webDist: './dist/web',
    trustProxy: false,
    readCacheMs: 1000,
    serveSourceMaps: false,
    uploadsDir: join(tmpdir(), 'lockstep-uploads'),
    importMaxBytes: 200 * 1024 * 1024,
    // A fixed key (32 bytes of 0x4c), so tests never write a key file.
    secretKey: Buffer.alloc(32, 0x4c).toString('base64'),
    secretKeyPath: join(tmpdir(), 'lockstep-test-secret.key'),
    production: false,
    ...overrides,
  };
}
