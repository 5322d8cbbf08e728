// The check-in agenda's sections, in SPEC S2's order: "1. wins since last meeting (S5) — celebration
// comes first; 2. KPIs of both teams with change since last meeting, off-track ones first; 3. open
// action items carried over; 4. new sales evidence and pains (S3); 5. shadow-day reflections since
// last meeting (S4); 6. the alignment score's top to-dos (S6). Attendees can add items" — last.
// A section is on a meeting's agenda only when its room supplies it (assembleAgenda); an empty one
// stays with a line that says so and, where it helps, what to ask.
import type { AgendaSectionKey } from '../../../shared/contracts/agenda.js';
import { ATTENDEE_ITEMS_KEY } from './types.js';

export interface AgendaSectionDefinition {
  key: AgendaSectionKey | typeof ATTENDEE_ITEMS_KEY;
  title: string;
  order: number;
  emptyText: string;
}

export const AGENDA_SECTIONS: readonly AgendaSectionDefinition[] = [
  { key: 'wins', order: 1, title: 'Wins since the last check-in', emptyText: 'No wins logged since the last check-in — worth asking.' },
  { key: 'kpis', order: 2, title: 'KPIs of both teams', emptyText: 'No KPIs to review — publish each team’s top three first.' },
  { key: 'action_items', order: 3, title: 'Open action items', emptyText: 'No open action items carried over.' },
  { key: 'evidence', order: 4, title: 'New sales evidence and pains', emptyText: 'No new sales evidence since the last check-in — what are buyers saying?' },
  { key: 'reflections', order: 5, title: 'Shadow-day reflections', emptyText: 'No shadow-day reflections since the last check-in.' },
  { key: 'alignment_todos', order: 6, title: 'Top to-dos from the alignment score', emptyText: 'The alignment score has no to-dos right now.' },
  { key: ATTENDEE_ITEMS_KEY, order: 7, title: 'Added by attendees', emptyText: 'Nothing added yet — any attendee can add an item.' },
];

/** The definition of one section; throws on an unknown key. */
export function agendaSection(key: string): AgendaSectionDefinition {
  const def = AGENDA_SECTIONS.find((s) => s.key === key);
  if (!def) throw new RangeError(`"${key}" is not an agenda section.`);
  return def;
}
