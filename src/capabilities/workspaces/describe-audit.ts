// Audit entries in words (issue 10): each room describes its own actions through the audit-descriptions contract
// (src/shared/contracts/audit.ts); this asks them, one names query per room and page, and falls back to a plain
// sentence for an action no room describes.
import type { AuditDescriber, AuditFact } from '../../shared/contracts/audit.js';

export interface AuditRow {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  actor_name: string | null;
  /** The team the actor acted for without leading it: "Dana Whitfield for Sales". */
  on_behalf_of?: string | null;
}

const TEAM_WORDS: Record<string, string> = { sales: 'Sales', marketing: 'Marketing', leadership: 'Leadership' };

const actorOf = (r: AuditRow): string => {
  const name = r.actor_name ?? 'Lockstep';
  return r.on_behalf_of ? `${name} for ${TEAM_WORDS[r.on_behalf_of] ?? r.on_behalf_of}` : name;
};

export interface AuditWords {
  summary: string;
  kind: string;
}

const parse = (json: string | null): unknown => (json === null ? null : (JSON.parse(json) as unknown));

/** "api_token" → "API token" where a room names it, else the type in plain words. */
export function kindOf(describers: readonly AuditDescriber[], entityType: string): string {
  for (const d of describers) if (d.kinds[entityType]) return d.kinds[entityType];
  const words = entityType.replace(/_/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

export async function describeAudit(describers: readonly AuditDescriber[], workspaceId: string, rows: readonly AuditRow[]): Promise<Map<string, AuditWords>> {
  const facts = rows.map((r) => ({
    id: r.id,
    fact: { action: r.action, entityType: r.entity_type, entityId: r.entity_id, before: parse(r.before), after: parse(r.after), actor: actorOf(r) } satisfies AuditFact,
  }));
  const owned = describers.map((d) => ({ d, facts: facts.filter((f) => f.fact.entityType in d.kinds).map((f) => f.fact) }));
  const names = new Map<AuditDescriber, Map<string, string>>();
  for (const { d, facts: mine } of owned) names.set(d, mine.length > 0 && d.names ? await d.names(workspaceId, mine) : new Map());
  const out = new Map<string, AuditWords>();
  for (const { id, fact } of facts) {
    const d = describers.find((x) => fact.entityType in x.kinds);
    const known = d ? names.get(d)! : new Map<string, string>();
    const described = d?.describe(fact, (key) => (typeof key === 'string' ? (known.get(key) ?? null) : null)) ?? null;
    const kind = kindOf(describers, fact.entityType);
    const verb = (fact.action.split('.').at(-1) ?? 'changed').replace(/_/g, ' ');
    out.set(id, { summary: described ?? `${fact.actor} ${verb} a ${kind.toLowerCase()}`, kind });
  }
  return out;
}
