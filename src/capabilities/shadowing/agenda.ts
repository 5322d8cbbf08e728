// The reflections section of every check-in agenda (SPEC S2 item 5, S4 "Reflections appear in the next check-in's
// agenda"): the reflections written since the last meeting, each with its one idea to take back.
import type { Db } from '../../db/database.js';
import type { AgendaItem, AgendaSectionProvider } from '../../shared/contracts/agenda.js';
import { membersById } from './store.js';
import { clip } from '../../shared/clip.js';

export const AGENDA_REFLECTIONS_SHOWN = 10;

export function shadowingAgendaSection(db: Db): AgendaSectionProvider {
  return {
    key: 'reflections',
    title: 'Shadow-day reflections since the last check-in',
    order: 5,
    async build(ctx) {
      const rows = await db
        .selectFrom('shadow_reflections')
        .innerJoin('shadow_pairs', 'shadow_pairs.id', 'shadow_reflections.pair_id')
        .select(['shadow_reflections.pair_id', 'shadow_reflections.idea', 'shadow_reflections.surprised', 'shadow_reflections.rating', 'shadow_pairs.guest_id', 'shadow_pairs.host_id', 'shadow_pairs.date'])
        .where('shadow_reflections.workspace_id', '=', ctx.workspaceId)
        .where('shadow_reflections.written_at', '>=', ctx.since)
        .where('shadow_reflections.written_at', '<', ctx.until)
        .orderBy('shadow_reflections.written_at')
        .orderBy('shadow_reflections.pair_id')
        .limit(500)
        .execute();
      if (rows.length === 0) return [];
      const shown = rows.slice(0, AGENDA_REFLECTIONS_SHOWN);
      const names = await membersById(db, ctx.workspaceId, shown.flatMap((r) => [r.guest_id, r.host_id]));
      const items: AgendaItem[] = shown.map((r) => ({
        id: `reflection:${r.pair_id}`,
        text: `${names.get(r.guest_id)?.name ?? 'A member'} shadowed ${names.get(r.host_id)?.name ?? 'a member'}: “${clip(r.idea)}”`,
        detail: `Surprised by: ${clip(r.surprised)} · rated the day ${r.rating}/5`,
        href: '/shadowing',
        tone: 'good',
        ref: { type: 'shadow_pair', id: r.pair_id },
      }));
      const rest = rows.length - shown.length;
      if (rest > 0) items.push({ id: 'reflection:more', text: `${rest} more ${rest === 1 ? 'reflection' : 'reflections'} since the last check-in`, detail: null, href: '/shadowing', tone: 'good', ref: null });
      return items;
    },
  };
}
