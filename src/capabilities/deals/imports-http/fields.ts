// The column-mapping step's rules (issue 11): a mapping names Lockstep's fields (the engine's DEAL_FIELDS) and, for
// a file already read, only headers the file has; every required field is mapped. Refusals say which, in words.
import { badRequest } from '../../../server/errors.js';
import { DEAL_FIELDS, type ColumnMapping, type DealField } from '../import/fields.js';

interface FieldInfo {
  field: DealField;
  label: string;
  required: boolean;
  description: string;
}

/** The importable fields in the engine's order, as the API shows them. */
export function dealFieldViews(): FieldInfo[] {
  return (Object.entries(DEAL_FIELDS) as Array<[DealField, { label: string; required: boolean; description: string }]>).map(([field, f]) => ({
    field,
    label: f.label,
    required: f.required,
    description: f.description,
  }));
}

const list = (words: string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`);

/**
 * The mapping as the engine takes it, or a 400: an unknown field, a header the file does not have (when its headers
 * are known), or a required field left out.
 */
export function checkMapping(input: Record<string, string>, headers: readonly string[] | null): ColumnMapping {
  const fields = dealFieldViews();
  const known = new Map(fields.map((f) => [f.field as string, f]));
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw badRequest(`${list(unknown.map((u) => `"${u}"`))} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} Lockstep imports; map ${list(fields.map((f) => f.field))}.`, [
      { path: 'body.mapping', message: 'names a field Lockstep does not import' },
    ]);
  }
  if (headers) {
    const have = new Set(headers);
    const missing = Object.entries(input).filter(([, h]) => !have.has(h));
    if (missing.length > 0) {
      const [field, header] = missing[0]!;
      throw badRequest(`The file has no column "${header}" (mapped to ${known.get(field)!.label}); choose one of its headers.`, [{ path: `body.mapping.${field}`, message: 'is not a header of the file' }]);
    }
  }
  const unmapped = fields.filter((f) => f.required && !input[f.field]);
  if (unmapped.length > 0) {
    throw badRequest(`Choose the column for ${list(unmapped.map((f) => f.label))}: ${unmapped.length === 1 ? 'it is' : 'they are'} required.`, [
      { path: 'body.mapping', message: `needs ${unmapped.map((f) => f.field).join(', ')}` },
    ]);
  }
  return input as ColumnMapping;
}
