// The wins room's audit sentences (issue 13, STYLE "the audit log names people and things") and the instant the
// wins job asks candidates from (decision 052: the Monday of the ISO week 14 days back, in the workspace's zone).
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { winsAuditDescriber } from '../../../src/capabilities/wins/audit.js';
import { gatherSince } from '../../../src/capabilities/wins/gather.js';
import type { DatabaseSchema } from '../../../src/db/schema/index.js';
import type { AuditFact } from '../../../src/shared/contracts/audit.js';

const describer = winsAuditDescriber(null as unknown as Kysely<DatabaseSchema>);
const fact = (action: string, over: Partial<AuditFact> = {}): AuditFact => ({ action, entityType: 'win', entityId: 'w1', before: null, after: null, actor: 'Sam Seller', ...over });
const named = (id: unknown) => (id === 'w1' ? 'Globex signed' : null);

describe('winsAuditDescriber', () => {
  it('says what happened to which win, in words', () => {
    expect(describer.describe(fact('win.posted'), named)).toBe("Sam Seller posted the win 'Globex signed'");
    expect(describer.describe(fact('win.confirmed'), named)).toBe("Sam Seller confirmed the proposed win 'Globex signed'");
    expect(describer.describe(fact('win.changed', { before: { title: 'a', creditedMemberIds: [] }, after: { title: 'b', creditedMemberIds: ['x'] } }), named)).toBe("Sam Seller changed the title and people credited of the win 'Globex signed'");
    expect(describer.describe(fact('win.celebrated', { after: { meetingId: 'm1' } }), named)).toBe("Sam Seller marked the win 'Globex signed' celebrated together in a check-in");
    expect(describer.describe(fact('win.uncelebrated'), named)).toBe(`Sam Seller took back "celebrated together" on the win 'Globex signed'`);
    // A deleted win is named from the entry itself.
    expect(describer.describe(fact('win.deleted', { before: { title: 'Gone deal' } }), () => null)).toBe("Sam Seller deleted the win 'Gone deal'");
    expect(describer.describe(fact('win_proposal.dismissed', { entityType: 'win_proposal', after: { status: 'dismissed', title: 'Acme closed won: $9,000' } }), () => null)).toBe("Sam Seller dismissed the proposed win 'Acme closed won: $9,000'");
    expect(describer.describe(fact('win_settings.changed', { entityType: 'win_settings', after: { smallDealThresholdCents: 750_000 } }), () => null)).toBe('Sam Seller set the small-deal threshold of wins to $7,500');
    expect(describer.describe(fact('win.unknown'), named)).toBeNull();
  });
});

describe('gatherSince', () => {
  it('starts at local midnight of the Monday of the ISO week 14 days back', () => {
    // Wednesday 2 December 2026 in UTC: 14 days back is Wednesday 18 November, whose ISO week starts Monday the 16th.
    expect(gatherSince(new Date('2026-12-02T12:00:00Z'), 'UTC')).toBe('2026-11-16T00:00:00.000Z');
    // Already Thursday the 3rd in Auckland (UTC+13): 14 days back is the 19th, the same week; its midnight there.
    expect(gatherSince(new Date('2026-12-02T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-11-15T11:00:00.000Z');
  });
});
