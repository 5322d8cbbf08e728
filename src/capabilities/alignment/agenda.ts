// The alignment score's section of every check-in agenda (SPEC S2 item 6, S6): its top next actions, each with the
// overall points it would add, so the meeting ends on what would raise the score most. Order 6, last of the rooms'.
import type { AgendaSectionProvider } from '../../shared/contracts/agenda.js';
import { alignmentNow, scoreNow, type AlignmentDeps } from './score-now.js';

/** The to-dos an agenda lists: the best few, not the dashboard's whole list. */
export const AGENDA_ALIGNMENT_TODOS = 3;

export function alignmentAgendaSection(deps: AlignmentDeps): AgendaSectionProvider {
  return {
    key: 'alignment_todos',
    title: 'Top to-dos from the alignment score',
    order: 6,
    async build(ctx) {
      // An upcoming meeting's agenda reads the score now (shared with the dashboard); a past one built late, as it stood then.
      const at = new Date(ctx.now);
      const { result } = Math.abs(Date.now() - at.getTime()) < 60_000 ? await scoreNow(deps, ctx.workspaceId) : await alignmentNow(deps, ctx.workspaceId, at);
      return result.nextActions
        .filter((a) => a.points > 0)
        .slice(0, AGENDA_ALIGNMENT_TODOS)
        .map((a) => ({
          id: `alignment:${a.key}`,
          text: a.text,
          detail: `Would add ${a.points.toLocaleString('en-US', { maximumFractionDigits: 1 })} point${a.points === 1 ? '' : 's'} to the alignment score${result.overall === null ? '' : ` (now ${Math.round(result.overall)})`}.`,
          href: a.href,
          tone: 'neutral' as const,
          ref: { type: 'alignment_signal', id: a.key },
        }));
    },
  };
}
