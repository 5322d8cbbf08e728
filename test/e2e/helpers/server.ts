// The real app for the browser tests: createApp in this process, listening on a free local port, on a fresh
// SQLite file of its own, serving the built web app from dist/web. Jobs stay off; the demo workspace only
// when a test file asks for it. `npm test` builds before vitest runs; on your own, run `npm run build` first.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../../../src/lockstep.js';
import { testConfig, type Config } from '../../../src/server/config.js';
import { seedDemo } from '../../../src/lockstep.js';

export const WEB_DIST = resolve(fileURLToPath(new URL('../../../dist/web', import.meta.url)));

export interface E2eServer {
  /** http://127.0.0.1:<port>, also the app's publicUrl (invite links point here). */
  url: string;
  app: App;
  config: Config;
  close(): Promise<void>;
}

export interface E2eServerOptions {
  /** Create the demo workspace (Northwind Analytics) before the server starts. */
  demo?: boolean;
}

/** A port nobody listens on right now (the app's publicUrl must name it before the app starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('Could not read the probe port'));
        return;
      }
      probe.close(() => resolvePort(address.port));
    });
  });
}

export async function startServer(opts: E2eServerOptions = {}): Promise<E2eServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web app is not built: ${join(WEB_DIST, 'index.html')} is missing. Run npm run build first.`);
  }
  const dbPath = join(tmpdir(), `lockstep-e2e-${randomBytes(6).toString('hex')}.sqlite`);
  const removeDb = () => {
    for (const ext of ['', '-wal', '-shm']) rmSync(dbPath + ext, { force: true });
  };
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const config = testConfig({ port, host: '127.0.0.1', publicUrl, webDist: WEB_DIST, database: { kind: 'sqlite', path: dbPath }, jobs: false, demo: false });
  let app: App;
  try {
    app = await createApp(config);
  } catch (err) {
    removeDb();
    throw err;
  }
  try {
    if (opts.demo) await seedDemo(app.ctx.db);
    const address = await app.start();
    if (new URL(address).port !== String(port)) throw new Error(`The app listens at ${address}, not on port ${port}`);
  } catch (err) {
    await app.close().catch(() => undefined);
    removeDb();
    throw err;
  }
  let closed = false;
  return {
    url: publicUrl,
    app,
    config,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await app.close();
      } finally {
        removeDb();
      }
    },
  };
}
