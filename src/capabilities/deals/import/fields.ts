// The fields a deal import fills (SPEC S7, issue 11): what each column of an export can become. A mapping names,
// for each field, the header of the file's column that holds it; recognize.ts builds one from a HubSpot or
// Salesforce header row, the column-mapping step lets a person build one for any other CSV.

export const DEAL_FIELDS = {
  externalId: { label: 'Record ID', required: true, description: "The CRM's id of the deal (HubSpot Record ID, Salesforce Opportunity ID). A later import of the same id updates the deal." },
  name: { label: 'Deal name', required: true, description: 'The name of the deal or opportunity.' },
  stage: { label: 'Stage', required: true, description: 'The deal stage as the CRM names it; "Closed Won" and "Closed Lost" (or the Won and Closed columns) decide whether it is won, lost or open.' },
  amount: { label: 'Amount', required: true, description: 'The deal amount, with or without a currency symbol or code ($1,234.50, USD 1,234, €1.234,50, (1,200) for a negative). A won deal needs one; an open or lost deal may leave it empty.' },
  currency: { label: 'Currency', required: false, description: 'A three-letter currency code (USD, EUR). Without it, the currency comes from the symbol or code in the amount, if any.' },
  closeDate: { label: 'Close date', required: false, description: 'When the deal closed or is expected to close. A won or lost deal needs one.' },
  createdDate: { label: 'Created date', required: false, description: 'When the deal was created: pipeline generated and the sales cycle count from it.' },
  owner: { label: 'Deal owner', required: false, description: "The owner's name (or email) as the CRM exports it, matched to a member by email, then by name, then by a mapping an admin made." },
  ownerEmail: { label: 'Owner email', required: false, description: "The owner's email, when the export has it: matched to a member's email first." },
  pipeline: { label: 'Pipeline', required: false, description: 'The pipeline the deal belongs to.' },
  source: { label: 'Source', required: false, description: 'Where the deal came from (Original Source Type, Lead Source): the marketing-source rule reads it.' },
  winReason: { label: 'Win reason', required: false, description: 'Why the deal was won (Closed Won Reason).' },
  lossReason: { label: 'Loss reason', required: false, description: 'Why the deal was lost (Closed Lost Reason, Loss Reason).' },
  won: { label: 'Won', required: false, description: 'Salesforce\'s Won column (true/false, 1/0, yes/no): when present it decides "won" over the stage name.' },
  closed: { label: 'Closed', required: false, description: 'Salesforce\'s Closed column (true/false): a closed deal that is not won is lost; one not closed is open.' },
} as const satisfies Record<string, { label: string; required: boolean; description: string }>;

export type DealField = keyof typeof DEAL_FIELDS;

export const DEAL_FIELD_NAMES = Object.keys(DEAL_FIELDS) as DealField[];

export const REQUIRED_DEAL_FIELDS: readonly DealField[] = DEAL_FIELD_NAMES.filter((f) => DEAL_FIELDS[f].required);

/** Field → the header of the column that holds it, exactly as the file spells it. */
export type ColumnMapping = Partial<Record<DealField, string>>;

export const isDealField = (value: string): value is DealField => Object.hasOwn(DEAL_FIELDS, value);
