// Request and response schemas of deal imports (issue 11, SPEC S7): uploads and their progress, the per-row error
// report, column mappings and their presets, and remembered owner mappings. Shared with the web client (types only).
import { z } from 'zod';
import { PageQuery, pageOf } from '../../../shared/page.js';

const IdParam = z.string().min(1).max(100);
export const ImportIdParams = z.strictObject({ id: IdParam.describe("The import's id") });
export const PresetIdParams = z.strictObject({ id: IdParam.describe("The preset's id") });

/** The longest file name kept (what the person's computer called it; shown in the list and the audit log). */
export const FILENAME_MAX = 255;
export const PRESET_NAME_MAX = 80;
/** An owner name as exported (HubSpot "Deal owner", Salesforce "Opportunity Owner"). */
export const OWNER_NAME_MAX = 200;
/** A header of the file as a mapping names it. */
export const HEADER_MAX = 200;

export const UploadQuery = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1, { message: 'is required: send the name of the file, e.g. ?filename=deals.csv' })
    .max(FILENAME_MAX, { message: `can be at most ${FILENAME_MAX} characters` })
    .describe('The name of the file as the person chose it (shown in the list of imports); any folder part is dropped.'),
});

export const ImportStatus = z
  .enum(['uploading', 'validating', 'needs_mapping', 'validated', 'importing', 'done', 'failed', 'cancelled'])
  .describe(
    'validating: the file is being read and checked; needs_mapping: its header was not recognised, PUT a mapping; validated: checked, ready to commit; importing: the rows are being written; done; failed (see error); cancelled',
  );

export const ImportFormat = z
  .enum(['hubspot', 'salesforce', 'mapped'])
  .nullable()
  .describe('hubspot: a HubSpot deals export; salesforce: a Salesforce opportunities report; mapped: columns mapped by hand; null until known');

export const CommitMode = z
  .enum(['all_or_nothing', 'valid_rows'])
  .describe('all_or_nothing: write nothing while any row has an error; valid_rows: write the valid rows and skip the rest');

const ColumnMappingView = z.record(z.string(), z.string()).describe("Each Lockstep field (externalId, name, stage, amount, …) → the file's header it is read from");

export const DealFieldView = z.object({
  field: z.string().describe('The field as a mapping names it'),
  label: z.string(),
  required: z.boolean(),
  description: z.string(),
});

export const ImportView = z.object({
  id: z.string(),
  filename: z.string(),
  format: ImportFormat,
  status: ImportStatus,
  mode: CommitMode.nullable().describe('How the rows were (or are being) written; null before commit'),
  bytesTotal: z.number().nullable().describe('The size of the file in bytes'),
  bytesDone: z.number().describe('How much of the file has been read so far: with bytesTotal, the progress bar'),
  rowsTotal: z.number().describe('Data rows read (the header and the lines a report adds after the data are not rows)'),
  rowsValid: z.number(),
  rowsInvalid: z.number().describe('Rows with at least one error; GET …/errors lists them'),
  rowsInserted: z.number().describe('New deals written by the commit'),
  rowsUpdated: z.number().describe('Deals already known (same external id) updated by the commit'),
  rowsUnchanged: z.number().describe('Deals already known that held exactly these values: nothing written for them'),
  headers: z.array(z.string()).nullable().describe("The file's header row, once read"),
  mapping: ColumnMappingView.nullable(),
  samples: z.record(z.string(), z.string()).describe('A sample value for each header, from the first rows (for the mapping step); empty when not known'),
  unmatchedOwners: z
    .array(z.object({ name: z.string(), rows: z.number() }))
    .describe('Owner names of the file that match no member (by email or name) and no remembered mapping; PUT /deals/owner-mappings to map them'),
  error: z.string().nullable().describe('Why the whole import failed or stopped, as a sentence; row problems are in …/errors'),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const ImportPageView = pageOf(ImportView);
export const ImportListQuery = PageQuery;

export const ImportErrorView = z.object({
  row: z.number().describe('The row number as a spreadsheet shows it (the header is row 1)'),
  column: z.string().nullable().describe("The file's header of the column at fault; null for a problem with the whole row"),
  message: z.string().describe('What was wrong, as a sentence'),
});
export const ImportErrorsPageView = pageOf(ImportErrorView).extend({ total: z.number().describe('Errors in the whole report') });
export const ImportErrorsQuery = PageQuery;

const Header = z.string().min(1).max(HEADER_MAX, { message: `can be at most ${HEADER_MAX} characters` });
const PresetName = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(PRESET_NAME_MAX, { message: `can be at most ${PRESET_NAME_MAX} characters` });

export const ColumnMappingInput = z.record(z.string().max(40), Header).describe("Each Lockstep field → the file's header to read it from; leave a field out to import it empty");

export const MappingInput = z.strictObject({
  mapping: ColumnMappingInput,
  savePreset: PresetName.optional().describe('Also save this mapping as a preset under this name, for the next file with these columns'),
});

export const PresetInput = z.strictObject({ name: PresetName, mapping: ColumnMappingInput });
export const PresetView = z.object({
  id: z.string(),
  name: z.string(),
  mapping: ColumnMappingView,
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export const PresetPageView = pageOf(PresetView);
export const PresetListQuery = PageQuery;

export const FieldsView = z.object({
  fields: z.array(DealFieldView),
  maxUploadBytes: z.number().describe('The largest file an upload may be, in bytes (larger answers 413)'),
});

export const OwnerMappingView = z.object({
  ownerName: z.string().describe('The owner name as exported, trimmed and lower-cased (how it is matched)'),
  member: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  createdAt: z.string(),
});
export const OwnerMappingPageView = pageOf(OwnerMappingView);
export const OwnerMappingQuery = PageQuery;

const OwnerName = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(OWNER_NAME_MAX, { message: `can be at most ${OWNER_NAME_MAX} characters` });

export const OwnerMappingEntry = z
  .strictObject({
    ownerName: OwnerName.describe('The owner name as the export has it (compared trimmed and case-insensitively)'),
    memberId: IdParam.nullable().optional().describe('The member of this workspace the name means; null forgets the mapping'),
    email: z.string().trim().max(254).optional().describe("Instead of memberId: the email of that member in this workspace"),
  })
  .refine((e) => e.memberId !== undefined || e.email !== undefined, { message: 'needs a memberId (or null to forget it) or an email', path: ['memberId'] });

export const OwnerMappingsInput = z.strictObject({
  mappings: z.array(OwnerMappingEntry).min(1, { message: 'needs at least one owner' }).max(500, { message: 'can map at most 500 owners at once' }),
});
export const OwnerMappingsResult = z.object({ saved: z.number(), removed: z.number() });

export const CommitInput = z.strictObject({ mode: CommitMode });
export const Ok = z.object({ ok: z.literal(true) });
