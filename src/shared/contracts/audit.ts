// The audit-descriptions contract (issue 10, STYLE "Words a person reads"): each room says in words what its
// audit entries record, so the log reads "Sam Seller marked 'Send the lost-deal list to marketing' done" instead
// of `action_item.changed` and ids. The kernel names the actor; the room names its things, one query per page.
import type { Id } from '../vocabulary.js';

/** One audit entry as a room describes it. */
export interface AuditFact {
  action: string;
  entityType: string;
  entityId: Id;
  before: unknown;
  after: unknown;
  /** The person who acted, named as the workspace shows them ("Lockstep" for the system). */
  actor: string;
}

/** Looks up the name of a thing a room's entries point at; null when it is gone. */
export type AuditNames = (id: unknown) => string | null;

export interface AuditDescriber {
  room: string;
  /** The entity types this room records, each with its words for the log's "kind" filter ("API token"). */
  kinds: Record<string, string>;
  /** The names of the things on one page of the log, by id (one query per kind, not per entry). */
  names?(workspaceId: Id, facts: AuditFact[]): Promise<Map<string, string>>;
  /** The whole sentence ("Dana Whitfield created the API token 'CRM sync'"), or null for the kernel's plain one. */
  describe(fact: AuditFact, name: AuditNames): string | null;
}

/** A thing's name as the log quotes it: 'Send the lost-deal list to marketing'. */
export const quoted = (name: string | null | undefined, otherwise: string): string => (name ? `'${name}'` : otherwise);

/** A record's fields, or an empty one for null or a non-object. */
export const fieldsOf = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** "time zone, holidays and pain threshold": the fields an entry changed, in words (camelCase split). */
export function changedWords(before: unknown, after: unknown): string {
  const keys = [...new Set([...Object.keys(fieldsOf(before)), ...Object.keys(fieldsOf(after))])];
  const words = keys.map((k) => k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
