// Served like a product (issue 10): brotli and gzip for the API and the web app, hashed assets cached for a
// year, index.html checked on every load, and source maps served only when SOURCE_MAPS=on.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { addMember, makeKpi, makeWorkspace, type TestWorkspace } from '../factories.js';

const webDist = join(tmpdir(), `lockstep-web-${process.pid}-${Date.now()}`);
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
let t: TestApp;
let ws: TestWorkspace;

beforeAll(async () => {
  mkdirSync(join(webDist, 'assets'), { recursive: true });
  writeFileSync(join(webDist, 'index.html'), `<!doctype html><title>Lockstep</title><script src="/assets/index-Bx3f9a1c.js"></script>${' '.repeat(2000)}`);
  writeFileSync(join(webDist, 'assets', 'index-Bx3f9a1c.js'), SCRIPT);
  writeFileSync(join(webDist, 'assets', 'index-Bx3f9a1c.js.map'), '{"version":3,"sources":["src/secret.tsx"]}');
  writeFileSync(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ config: { webDist } });
  ws = await makeWorkspace(t);
  // Enough on the Goals page that its answer is worth compressing (over 1 KB).
  const lead = await addMember(t, ws, { role: 'leader', team: 'sales' });
  for (const name of ['Pipeline created', 'Win rate', 'Lead response time']) await makeKpi(lead.client, { team: 'sales', name });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const cookieOf = (w: TestWorkspace) => `lockstep_session=${w.admin.cookie('lockstep_session') ?? ''}`;
const get = (url: string, headers: Record<string, string> = {}) => t.app.server.inject({ method: 'GET', url, headers });

describe('compression', () => {
  it('answers the API in brotli or gzip as asked, and plain otherwise; a cached answer too', async () => {
    const headers = { cookie: cookieOf(ws) };
    const plain = await get('/api/v1/goals/kpis', headers);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await get('/api/v1/goals/kpis', { ...headers, 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await get('/api/v1/goals/kpis', { ...headers, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(gz.headers['cache-control']).toBe('no-store');
  });

  it('compresses the web app and its assets', async () => {
    const js = await get('/assets/index-Bx3f9a1c.js', { 'accept-encoding': 'gzip' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(js.rawPayload).toString()).toBe(SCRIPT);
    const page = await get('/', { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
  });
});

describe('cache headers', () => {
  it('keeps hashed assets for a year, immutable', async () => {
    const js = await get('/assets/index-Bx3f9a1c.js');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('checks index.html and unhashed files on every load, at / and at every app route', async () => {
    for (const url of ['/', '/goals', '/checkins/meetings/abc', '/favicon.svg']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('does not serve source maps unless SOURCE_MAPS=on', async () => {
    const res = await get('/assets/index-Bx3f9a1c.js.map');
    expect(res.statusCode).toBe(404);
    expect((await get('/assets/gone-Zz9y8x7w.js')).statusCode, 'a stale asset is not answered with index.html').toBe(404);
    expect(res.body).not.toContain('secret.tsx');
    const withMaps = await createTestApp({ config: { webDist, serveSourceMaps: true } });
    try {
      const served = await withMaps.app.server.inject({ method: 'GET', url: '/assets/index-Bx3f9a1c.js.map' });
      expect(served.statusCode).toBe(200);
      expect(served.body).toContain('secret.tsx');
    } finally {
      await withMaps.close();
    }
  });
});
