// How the deals room's audit entries read (decision 029): a change of the marketing-source rule as a sentence that
// says what was added and removed, not two JSON lists.
import { fieldsOf, type AuditDescriber } from '../../shared/contracts/audit.js';
import { sourceKey } from './domain/marketing-source.js';

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** 'A', 'B' and 'C' */
function quotedList(values: readonly string[]): string {
  const q = values.map((v) => `'${v}'`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)!}`;
}

export function describeRuleChange(actor: string, before: readonly string[], after: readonly string[]): string {
  const had = new Set(before.map(sourceKey));
  const has = new Set(after.map(sourceKey));
  const added = after.filter((s) => !had.has(sourceKey(s)));
  const removed = before.filter((s) => !has.has(sourceKey(s)));
  if (after.length === 0) return `${actor} set that no source counts as marketing`;
  const parts = [added.length > 0 ? `added ${quotedList(added)}` : null, removed.length > 0 ? `removed ${quotedList(removed)}` : null].filter(Boolean);
  if (parts.length === 0) return `${actor} rewrote the marketing sources (same sources, new spelling): ${quotedList(after)}`;
  return `${actor} changed which sources count as marketing: ${parts.join('; ')}`;
}

export const dealsAuditDescriber: AuditDescriber = {
  room: 'deals',
  kinds: { deal_settings: 'Marketing-source rule', deal_hook: 'Deals from a program' },
  describe(f) {
    if (f.action === 'deals.received') {
      const n = Number(fieldsOf(f.after).deals ?? 0);
      return `${f.actor} sent ${n.toLocaleString('en-US')} deal${n === 1 ? '' : 's'} through the deals webhook`;
    }
    if (f.action !== 'deal_settings.changed') return null;
    return describeRuleChange(f.actor, listOf(fieldsOf(f.before).marketingSources), listOf(fieldsOf(f.after).marketingSources));
  },
};
