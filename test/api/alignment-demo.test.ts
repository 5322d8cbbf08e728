// The demo workspace's alignment score (SPEC S8, S6): a year of weekly history computed from the rooms' signals at
// each week, so the dashboard's trend has 26 weeks that move — lower in the weeks after a missed check-in — and
// today's score with reasons and next actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlignmentView } from '../../src/capabilities/alignment/schemas.js';
import type { TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { demoApp } from '../helpers/demo.js';

let t: TestApp;
let dana: Client;

beforeAll(async () => {
  ({ t, dana } = await demoApp());
});
afterAll(async () => {
  await t?.close();
});

describe('the demo workspace’s alignment score', () => {
  it('has 26 weeks of history on the dashboard, a year stored, and a score today with reasons', async () => {
    const v = expectStatus(await dana.get<AlignmentView>('/api/v1/alignment'), 200);
    expect(v.history).toHaveLength(26);
    const weeks = v.history.map((h) => h.weekStart);
    expect(weeks).toEqual([...weeks].sort());
    expect(v.history.every((h) => h.score !== null)).toBe(true);
    const stored = await t.db.kysely.selectFrom('alignment_scores').select('week_start').where('workspace_id', '=', (await dana.me()).workspace!.id).execute();
    expect(stored).toHaveLength(52);
    expect(v.overall.score).not.toBeNull();
    expect(v.overall.scoredStrategies).toBeGreaterThanOrEqual(4);
    expect(v.nextActions.length).toBeGreaterThan(0);
    // The trend moves: not one flat line.
    const scores = v.history.map((h) => h.score!);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThanOrEqual(3);
    // A missed check-in (the demo misses one every few months) pulls Cadence down the week after it.
    const cadence = v.history.map((h) => h.strategies.checkins!);
    const drops = cadence.slice(1).filter((c, i) => c <= cadence[i]! - 5);
    expect(drops.length).toBeGreaterThanOrEqual(1);
  });
});
