// Puts a meeting's agenda together (SPEC S2): the sections in SPEC order whatever order the
// providers answered in, then the items attendees added, oldest first. A section is on the agenda
// only when a room answered for it (its provider is declared on the room's Capability): a room not
// built yet adds no permanent empty section. A section that answered is kept even when empty: it
// carries its empty-state line, and a failed one says it could not be loaded (and is not mistaken
// for "nothing new"). When a provider answers twice for a key, the first answer stands.
import { instantMs } from '../../../shared/calendar/index.js';
import { AGENDA_SECTIONS } from './agenda-sections.js';
import type { AgendaItem } from '../../../shared/contracts/agenda.js';
import { ATTENDEE_ITEMS_KEY, type Agenda, type AgendaSection, type AgendaSectionResult, type CustomAgendaItem } from './types.js';

export function assembleAgenda(results: readonly AgendaSectionResult[], customItems: readonly CustomAgendaItem[] = []): Agenda {
  const byKey = new Map<string, AgendaSectionResult>();
  for (const r of results) if (!byKey.has(r.key)) byKey.set(r.key, r);

  const offered = AGENDA_SECTIONS.filter((def) => def.key === ATTENDEE_ITEMS_KEY || byKey.has(def.key));
  const sections: AgendaSection[] = offered.map((def) => {
    let items: AgendaItem[] = [];
    let error: string | null = null;
    if (def.key === ATTENDEE_ITEMS_KEY) {
      items = [...customItems]
        .sort((a, b) => instantMs(a.addedAt) - instantMs(b.addedAt) || a.id.localeCompare(b.id))
        .map((c) => ({ id: `custom:${c.id}`, text: c.text, detail: c.detail ?? `Added by ${c.addedByName}`, tone: 'neutral', ref: { type: 'agenda_item', id: c.id } }));
    } else {
      const r = byKey.get(def.key);
      if (r && 'error' in r) error = r.error;
      else if (r) items = r.items;
    }
    const emptyText = items.length > 0 ? null : error !== null ? `Couldn’t load this section (${error}); it is tried again when the agenda refreshes.` : def.emptyText;
    return { key: def.key, title: def.title, order: def.order, items, emptyText, error };
  });
  return { sections, itemCount: sections.reduce((n, s) => n + s.items.length, 0) };
}
