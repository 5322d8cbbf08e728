// Deal owners matched to members (issue 11): by email (the owner email column, or an owner cell that is or holds an
// email), then by the member's exact name (case- and space-insensitive; a name two members share matches neither),
// then by a mapping an admin made for that exported name. Only the import's workspace's members are read, so an
// owner can never match someone of another workspace.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/database.js';
import { memberName } from '../../../db/member-name.js';

/** An exported owner name as deal_owner_mappings keys it: trimmed, spaces collapsed, lower-cased. */
export const ownerKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const EMAIL_INSIDE = /<?([^\s<>()@]+@[^\s<>()@]+\.[^\s<>()@]+)>?/;

export type OwnerMatcher = (owner: string | null, ownerEmail: string | null) => string | null;

export async function ownerMatcher(db: Db | Tx, workspaceId: string): Promise<OwnerMatcher> {
  const members = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id', 'users.email', memberName.as('name')])
    .where('members.workspace_id', '=', workspaceId)
    .execute();
  const mappings = await db
    .selectFrom('deal_owner_mappings')
    .innerJoin('members', (j) => j.onRef('members.id', '=', 'deal_owner_mappings.member_id').on('members.workspace_id', '=', sql.ref('deal_owner_mappings.workspace_id')))
    .select(['deal_owner_mappings.owner_key', 'deal_owner_mappings.member_id'])
    .where('deal_owner_mappings.workspace_id', '=', workspaceId)
    .execute();
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const byName = new Map<string, string | null>();
  for (const m of members) {
    if (!m.name) continue;
    const key = ownerKey(m.name);
    byName.set(key, byName.has(key) ? null : m.id);
  }
  const byMapping = new Map(mappings.map((m) => [m.owner_key, m.member_id]));
  const memo = new Map<string, string | null>();
  return (owner, ownerEmail) => {
    if (ownerEmail) {
      const id = byEmail.get(ownerEmail.trim().toLowerCase());
      if (id) return id;
    }
    if (owner === null) return null;
    // The same cell text repeats on most rows: it is looked up as written before it is normalised.
    const asWritten = memo.get(owner);
    if (asWritten !== undefined) return asWritten;
    const key = ownerKey(owner);
    const known = memo.get(key);
    if (known !== undefined) {
      if (memo.size < 10_000) memo.set(owner, known);
      return known;
    }
    const email = EMAIL_INSIDE.exec(owner)?.[1]?.toLowerCase();
    const id = (email ? byEmail.get(email) : undefined) ?? byName.get(key) ?? byMapping.get(key) ?? null;
    // Owners repeat on every row; the memo is bounded so a file of a million distinct names cannot grow it.
    if (memo.size < 10_000) memo.set(key, id).set(owner, id);
    return id;
  };
}

/** Unmatched owner names with their row counts, kept for at most `max` distinct names (the rest are only counted). */
export class UnmatchedOwners {
  private readonly counts = new Map<string, { name: string; rows: number }>();
  others = 0;
  constructor(private readonly max = 500) {}
  /** Each name as written with its key, for the names seen most (bounded like the counts). */
  private readonly keys = new Map<string, string>();
  add(name: string): void {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = ownerKey(name);
      if (this.keys.size < 4 * this.max) this.keys.set(name, key);
    }
    const seen = this.counts.get(key);
    if (seen) seen.rows++;
    else if (this.counts.size < this.max) this.counts.set(key, { name: name.trim(), rows: 1 });
    else this.others++;
  }
  list(): Array<{ name: string; rows: number }> {
    return [...this.counts.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  }
}
