// The agenda-section contract (SPEC S2): the weekly check-in's agenda is built from sections that other rooms
// supply (wins, KPIs, evidence, reflections, alignment to-dos; action items by check-ins itself). A room
// implements an AgendaSectionProvider and declares it on its Capability; the check-in never reaches into it.

/** The six sections SPEC S2 lists, in its order. */
export const AGENDA_SECTION_KEYS = ['wins', 'kpis', 'action_items', 'evidence', 'reflections', 'alignment_todos'] as const;
export type AgendaSectionKey = (typeof AGENDA_SECTION_KEYS)[number];

/** How an item should look: a win to celebrate, good news, neutral, something at risk, something off. */
export type AgendaTone = 'celebrate' | 'good' | 'neutral' | 'warning' | 'alert';

export interface AgendaItem {
  /** Stable within the section, e.g. 'kpi:abc' or 'win:42', so a refreshed agenda keeps its items. */
  id: string;
  text: string;
  detail?: string | null;
  /** A link into the app, e.g. '/wins/42'. */
  href?: string | null;
  tone?: AgendaTone;
  /** What the item is about, for the web app to link or the meeting to act on. */
  ref?: { type: string; id: string } | null;
}

/** What a provider gets: the meeting the agenda is for and the window "since last meeting". */
export interface AgendaBuildContext {
  workspaceId: string;
  meetingId: string;
  /** Start of the window (UTC ISO-8601): see agendaWindow. */
  since: string;
  /** End of the window: the meeting's start. */
  until: string;
  timeZone: string;
  /** When the agenda is built; after `until` never (agendas stop refreshing when the meeting starts). */
  now: string;
}

/**
 * One agenda section, supplied by the capability that owns its data (wins, goals, messaging,
 * shadowing, alignment; action items by check-ins itself). Implementations live with their
 * capability; this is the only way the check-in reaches them (STYLE.md).
 */
export interface AgendaSectionProvider {
  key: AgendaSectionKey;
  title: string;
  /** Position in the agenda (1–6, from AGENDA_SECTIONS); assembleAgenda orders by the SPEC order. */
  order: number;
  build(ctx: AgendaBuildContext): Promise<AgendaItem[]>;
}

