// The lengths a pain and an evidence entry take: one place for the server's schemas and the web's forms (docs/UX.md
// "Forms carry the limits the server has"). Pure constants.
export const PAIN_LIMITS = { statement: 300, persona: 100, segment: 100, emotion: 60, synonym: 100, synonyms: 20 } as const;
export const EVIDENCE_LIMITS = { account: 200, quote: 2000, notes: 4000, dealExternalId: 100 } as const;
