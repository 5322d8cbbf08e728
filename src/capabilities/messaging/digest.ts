// Messaging's part of the weekly digest (SPEC S3, S6): the messaging gap — the pains sales hears most that no
// published piece speaks to — as disconnects, the heaviest first.
import type { Db } from '../../db/database.js';
import type { DigestSectionProvider } from '../../shared/contracts/digest.js';
import { RECENT_DAYS } from './coverage/coverage.js';
import { loadCoverage } from './coverage-facts.js';

/** The gap's pains a digest names. */
export const DIGEST_GAP_PAINS = 3;

export function messagingDigestSection(db: Db): DigestSectionProvider {
  return {
    room: 'messaging',
    key: 'disconnects',
    async build(ctx) {
      const { report } = await loadCoverage(db, ctx.workspaceId, ctx.now);
      return report.gap.slice(0, DIGEST_GAP_PAINS).map((p) => ({
        id: `pain:${p.id}`,
        text: `Messaging gap: “${p.statement}” — no published piece speaks to it`,
        detail: `${p.count} evidence ${p.count === 1 ? 'entry' : 'entries'}, ${p.recentCount} in the last ${RECENT_DAYS} days`,
        href: `/messaging/pains/${p.id}`,
        tone: 'warning' as const,
      }));
    },
  };
}
