// The request log (issue #9): one line per request at info, naming the route's pattern — never the URL, whose
// path may carry a secret (invite links, calendar feeds) — with the status and the time taken.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/lockstep.js';
import { testConfig } from '../../src/server/config.js';

const lines: Array<Record<string, unknown>> = [];
let app: App;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await createApp(testConfig(), { log: pino({ level: 'info' }, sink) });
});
afterAll(async () => {
  await app?.close();
});

describe('the request log', () => {
  it('writes one line per request with the route, status and time, and no secret from the path', async () => {
    const secret = 'A'.repeat(43);
    lines.length = 0;
    await app.server.inject({ method: 'GET', url: '/api/health' });
    await app.server.inject({ method: 'GET', url: `/api/v1/invites/preview/${secret}` });
    await app.server.inject({ method: 'GET', url: `/api/v1/calendar/${secret}.ics` });
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(3);
    expect(requests.map((r) => [r.method, r.route, r.statusCode])).toEqual([
      ['GET', '/api/health', 200],
      ['GET', '/api/v1/invites/preview/:token', 404],
      ['GET', '/api/v1/calendar/:file', 404],
    ]);
    for (const r of requests) expect(typeof r.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain(secret);
    // Fastify's own two lines per request are off.
    expect(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
  });
});
