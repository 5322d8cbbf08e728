// The messaging section of every check-in agenda (SPEC S2 item 4, S3): the pains added and the evidence sales logged
// since the last meeting, and the messaging gap — the heaviest-evidence pains no published piece covers. Reached
// only through AgendaSectionProvider.
import type { Db } from '../../db/database.js';
import type { AgendaItem, AgendaSectionProvider } from '../../shared/contracts/agenda.js';
import { loadCoverage } from './coverage-facts.js';
import { clip } from '../../shared/clip.js';

/** Pains with new evidence listed one by one; the rest are counted in one item. */
export const AGENDA_PAINS_SHOWN = 5;
/** The heaviest pains of the messaging gap on the agenda. */
export const AGENDA_GAP_SHOWN = 3;

const quotes = (n: number) => `${n} new ${n === 1 ? 'quote' : 'quotes'}`;
const OUTCOME: Record<string, string> = { won: 'won', lost: 'lost', open: 'open deal' };

export function messagingAgendaSection(db: Db): AgendaSectionProvider {
  return {
    key: 'evidence',
    title: 'New sales evidence and pains',
    order: 4,
    async build(ctx) {
      const items: AgendaItem[] = [];
      const pains = await db
        .selectFrom('pains')
        .select(['id', 'statement', 'persona', 'segment'])
        .where('workspace_id', '=', ctx.workspaceId)
        .where('status', '=', 'active')
        .where('created_at', '>=', ctx.since)
        .where('created_at', '<', ctx.until)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const p of pains) {
        items.push({ id: `pain:${p.id}`, text: `New pain: “${p.statement}”`, detail: [p.persona, p.segment].filter(Boolean).join(' · ') || null, href: `/messaging/pains/${p.id}`, tone: 'neutral', ref: { type: 'pain', id: p.id } });
      }

      // Evidence logged in the window, per pain, most first; each with its latest quote.
      const logged = await db
        .selectFrom('evidence')
        .leftJoin('pains', 'pains.id', 'evidence.pain_id')
        .select(['evidence.id', 'evidence.pain_id', 'pains.statement', 'evidence.quote', 'evidence.account', 'evidence.outcome', 'evidence.created_at'])
        .where('evidence.workspace_id', '=', ctx.workspaceId)
        .where('evidence.created_at', '>=', ctx.since)
        .where('evidence.created_at', '<', ctx.until)
        .orderBy('evidence.created_at', 'desc')
        .orderBy('evidence.id', 'desc')
        .limit(5000)
        .execute();
      const byPain = new Map<string, typeof logged>();
      let unassigned = 0;
      for (const e of logged) {
        if (!e.pain_id) {
          unassigned++;
          continue;
        }
        const list = byPain.get(e.pain_id) ?? [];
        list.push(e);
        byPain.set(e.pain_id, list);
      }
      const groups = [...byPain.entries()].sort((a, b) => b[1].length - a[1].length || (a[1][0]?.statement ?? '').localeCompare(b[1][0]?.statement ?? ''));
      for (const [painId, list] of groups.slice(0, AGENDA_PAINS_SHOWN)) {
        const latest = list[0]!;
        items.push({
          id: `evidence:${painId}`,
          text: `${quotes(list.length)} on “${latest.statement ?? 'a pain'}”`,
          detail: `“${clip(latest.quote)}” — ${latest.account} (${OUTCOME[latest.outcome] ?? latest.outcome})`,
          href: `/messaging/pains/${painId}`,
          tone: 'good',
          ref: { type: 'pain', id: painId },
        });
      }
      const rest = groups.slice(AGENDA_PAINS_SHOWN);
      if (rest.length > 0) {
        const n = rest.reduce((s, [, l]) => s + l.length, 0);
        items.push({ id: 'evidence:more', text: `${quotes(n)} on ${rest.length} other ${rest.length === 1 ? 'pain' : 'pains'}`, detail: null, href: '/messaging/evidence', tone: 'neutral', ref: null });
      }
      if (unassigned > 0) {
        items.push({
          id: 'evidence:unassigned',
          text: `${quotes(unassigned)} not tied to a pain yet`,
          detail: 'Confirm the pain each one shows, or add the pain, so it counts toward the gap.',
          href: '/messaging/evidence',
          tone: 'warning',
          ref: null,
        });
      }

      const { report } = await loadCoverage(db, ctx.workspaceId, new Date(ctx.now));
      for (const g of report.gap.slice(0, AGENDA_GAP_SHOWN)) {
        items.push({
          id: `gap:${g.id}`,
          text: `Messaging gap: “${g.statement}”`,
          detail: `No published piece covers it: ${g.count} ${g.count === 1 ? 'quote' : 'quotes'}, ${g.recentCount} in the last 90 days${g.inProgress.length > 0 ? `; coming: ${g.inProgress.map((p) => `“${p.title}”`).join(', ')}` : ''}.`,
          href: '/messaging',
          tone: 'warning',
          ref: { type: 'pain', id: g.id },
        });
      }
      return items;
    },
  };
}
