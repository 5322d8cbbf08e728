// Hostile input against health, readiness, the API description and docs, and any /api route no other
// hostile-input file claims, on the database the project chose: see test/helpers/hostile.ts for what is
// generated and what every answer must satisfy.
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeHostileRoutes, hostileGroupOf, makeHostileWorld, type Known500 } from '../helpers/hostile.js';

const world = await makeHostileWorld();

it('every /api route is tested by one of the hostile-input files', () => {
  const files = readdirSync(import.meta.dirname);
  expect(world.t.app.routes.length).toBeGreaterThan(50);
  for (const r of world.t.app.routes) expect(files, `${r.method} ${r.url}`).toContain(`hostile-input-${hostileGroupOf(r)}.test.ts`);
});

const KNOWN_500S: Known500[] = [];
describeHostileRoutes(world, world.t.app.routes.filter((r) => hostileGroupOf(r) === 'system'), KNOWN_500S);
