// The pain library's audit sentences (issue 12): names, not codes and ids.
import { describe, expect, it } from 'vitest';
import { painsAuditDescriber } from '../../../src/capabilities/messaging/pains/audit.js';
import type { AuditFact } from '../../../src/shared/contracts/audit.js';

// describe() reads only the facts and the names looked up for them; no database is touched.
const describer = painsAuditDescriber(null as never);
const names = new Map([
  ['p1', 'Inbound leads go cold before anyone calls them'],
  ['e1', 'Contoso'],
]);
const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? null) : null);
const fact = (f: Partial<AuditFact>): AuditFact => ({ action: 'pain.created', entityType: 'pain', entityId: 'p1', before: null, after: null, actor: 'Sam Seller', ...f });

describe('pain and evidence audit sentences', () => {
  it('names the pain in every change of the library', () => {
    expect(describer.describe(fact({}), name)).toBe("Sam Seller added the pain 'Inbound leads go cold before anyone calls them'");
    expect(describer.describe(fact({ action: 'pain.changed', before: { severity: 4, synonyms: [] }, after: { severity: 2, synonyms: ['x'] } }), name)).toBe(
      "Sam Seller changed the severity and synonyms of the pain 'Inbound leads go cold before anyone calls them'",
    );
    expect(describer.describe(fact({ action: 'pain.retired' }), name)).toBe("Sam Seller retired the pain 'Inbound leads go cold before anyone calls them'");
    expect(describer.describe(fact({ action: 'pain.reactivated', entityId: 'gone' }), name)).toBe('Sam Seller brought back a pain');
  });

  it('says whose evidence, from which account, for which pain', () => {
    const e = (f: Partial<AuditFact>) => fact({ entityType: 'evidence', entityId: 'e1', ...f });
    expect(describer.describe(e({ action: 'evidence.created', after: { account: 'Contoso', outcome: 'won', painId: 'p1' } }), name)).toBe(
      "Sam Seller logged won evidence from Contoso for the pain 'Inbound leads go cold before anyone calls them'",
    );
    expect(describer.describe(e({ action: 'evidence.created', after: { account: 'Contoso', outcome: 'open', painId: null } }), name)).toBe('Sam Seller logged open evidence from Contoso');
    expect(describer.describe(e({ action: 'evidence.changed', before: { painId: null }, after: { painId: 'p1' } }), name)).toBe(
      "Sam Seller tied the evidence from Contoso to the pain 'Inbound leads go cold before anyone calls them'",
    );
    expect(describer.describe(e({ action: 'evidence.changed', before: { painId: 'p1' }, after: { painId: null } }), name)).toBe('Sam Seller took the evidence from Contoso off its pain');
    expect(describer.describe(e({ action: 'evidence.changed', before: { quote: 'a', notes: null }, after: { quote: 'b', notes: 'n' } }), name)).toBe('Sam Seller changed the quote and notes of the evidence from Contoso');
    expect(describer.describe(e({ action: 'evidence.deleted', entityId: 'gone', before: { account: 'Fabrikam' } }), name)).toBe('Sam Seller deleted the evidence from Fabrikam');
    expect(describer.describe(e({ action: 'evidence.unknown' }), name)).toBeNull();
  });
});
