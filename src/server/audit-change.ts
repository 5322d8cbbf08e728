// What an update changed, for the audit log (issue 10): only the fields whose value differs, before → after, so a
// patch of one field is not recorded as the others going to nothing.

type Fields = Record<string, unknown>;

/** The fields of `after` whose value differs from `before`'s, on both sides; empty when nothing changed. */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const keys = Object.keys(after).filter((k) => after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}
