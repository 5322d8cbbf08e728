// Which CRM wrote an export, decided from its header row alone (issue 11): HubSpot's deal export and Salesforce's
// opportunity export (report or Data Loader) each have headers the other never writes. Headers compare case- and
// space-insensitively ("Deal owner", "Deal Owner", "DealOwner"). A file neither vendor wrote gets a suggested
// mapping from common names, for the column-mapping step to start from, and the list of required fields it lacks.
import { DEAL_FIELD_NAMES, REQUIRED_DEAL_FIELDS, type ColumnMapping, type DealField } from './fields.js';

export type ExportFormat = 'hubspot' | 'salesforce';

/** Lower-cased, without spaces, a BOM or zero-width characters: "Deal  Owner " → "dealowner". */
export const headerKey = (header: string): string => header.replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, '').toLowerCase();

type Aliases = Partial<Record<DealField, readonly string[]>>;

/** Per field, the headers each vendor writes, best first (HubSpot's deal properties as labelled in its export). */
const HUBSPOT: Aliases = {
  externalId: ['Record ID', 'Deal ID', 'Record ID - Deal'],
  name: ['Deal Name'],
  stage: ['Deal Stage'],
  // The company-currency amount is comparable across deals; the deal's own currency then no longer applies to it.
  amount: ['Amount in company currency', 'Amount'],
  currency: ['Currency', 'Deal currency code'],
  closeDate: ['Close Date'],
  createdDate: ['Create Date', 'Created Date'],
  owner: ['Deal owner', 'HubSpot Owner', 'Owner'],
  ownerEmail: ['Deal owner email', 'Owner email'],
  pipeline: ['Pipeline'],
  source: ['Original Source Type', 'Original Traffic Source', 'Original Source'],
  winReason: ['Closed Won Reason'],
  lossReason: ['Closed Lost Reason'],
};

/** Salesforce's opportunity fields: report labels first, then the API names a Data Loader export uses. */
const SALESFORCE: Aliases = {
  externalId: ['Opportunity ID', '18 Character Opportunity ID', 'Opportunity ID (18)', 'Id'],
  name: ['Opportunity Name', 'Name'],
  stage: ['Stage', 'StageName'],
  amount: ['Amount', 'Amount (converted)'],
  currency: ['Amount Currency', 'Opportunity Currency', 'CurrencyIsoCode'],
  closeDate: ['Close Date', 'CloseDate'],
  createdDate: ['Created Date', 'CreatedDate'],
  owner: ['Opportunity Owner', 'Owner Full Name', 'Owner Name'],
  ownerEmail: ['Owner Email', 'Opportunity Owner Email', 'Owner: Email'],
  pipeline: ['Pipeline', 'Opportunity Record Type', 'Record Type'],
  source: ['Lead Source', 'LeadSource', 'Primary Campaign Source'],
  winReason: ['Win Reason', 'Won Reason', 'Closed Won Reason'],
  lossReason: ['Loss Reason', 'Lost Reason', 'Closed Lost Reason'],
  won: ['Won', 'IsWon'],
  closed: ['Closed', 'IsClosed'],
};

/** Headers only that vendor writes: the vendor whose headers the row has more of wrote the file. */
const SIGNATURES: Record<ExportFormat, ReadonlySet<string>> = {
  hubspot: new Set(
    ['Record ID', 'Deal Name', 'Deal Stage', 'Deal owner', 'Create Date', 'Original Source Type', 'Original Traffic Source', 'Closed Won Reason', 'Closed Lost Reason', 'Amount in company currency'].map(headerKey),
  ),
  salesforce: new Set(
    ['Opportunity ID', 'Opportunity Name', 'Opportunity Owner', 'Stage', 'StageName', 'Lead Source', 'Won', 'Closed', 'IsWon', 'IsClosed', 'Loss Reason', 'Amount Currency', 'Created Date', 'CloseDate'].map(headerKey),
  ),
};

/** Common names for a file no vendor wrote: a suggestion for the mapping step, never applied without a person. */
const GENERIC: Aliases = {
  externalId: ['External ID', 'ID', 'Deal ID', 'Record ID', 'Opportunity ID', 'CRM ID'],
  name: ['Deal Name', 'Name', 'Deal', 'Opportunity', 'Opportunity Name', 'Title'],
  stage: ['Stage', 'Deal Stage', 'Status'],
  amount: ['Amount', 'Value', 'Deal Value', 'Deal Amount', 'Revenue'],
  currency: ['Currency', 'Currency Code'],
  closeDate: ['Close Date', 'Closed Date', 'Closed', 'Expected Close Date'],
  createdDate: ['Created Date', 'Create Date', 'Created', 'Created At'],
  owner: ['Owner', 'Deal Owner', 'Sales Rep', 'Rep', 'Account Executive'],
  ownerEmail: ['Owner Email', 'Rep Email'],
  pipeline: ['Pipeline'],
  source: ['Source', 'Lead Source', 'Original Source', 'Channel'],
  winReason: ['Win Reason', 'Won Reason'],
  lossReason: ['Loss Reason', 'Lost Reason'],
  won: ['Won'],
};

const ALIASES: Record<ExportFormat | 'generic', Aliases> = { hubspot: HUBSPOT, salesforce: SALESFORCE, generic: GENERIC };

function mappingFrom(headers: readonly string[], aliases: Aliases): ColumnMapping {
  // The first column with a given key: a header repeated later in the row is not read.
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const field of DEAL_FIELD_NAMES) {
    for (const alias of aliases[field] ?? []) {
      const header = byKey.get(headerKey(alias));
      if (header !== undefined && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

const missingOf = (mapping: ColumnMapping): DealField[] => REQUIRED_DEAL_FIELDS.filter((f) => mapping[f] === undefined);

/**
 * The vendor that wrote the header row and the mapping its headers make, or format null with a suggestion (the
 * headers that look like a field) and the required fields nobody could find.
 */
export function recognizeHeaders(headers: string[]): { format: ExportFormat | null; mapping: ColumnMapping; missing: DealField[] } {
  const keys = new Set(headers.map(headerKey));
  const score = (f: ExportFormat) => [...SIGNATURES[f]].filter((k) => keys.has(k)).length;
  const [hubspot, salesforce] = [score('hubspot'), score('salesforce')];
  const vendor: ExportFormat | null = hubspot === 0 && salesforce === 0 ? null : hubspot >= salesforce ? 'hubspot' : 'salesforce';
  const mapping = mappingFrom(headers, ALIASES[vendor ?? 'generic']);
  // HubSpot's company-currency amount is in the portal's currency, not the deal's: its Currency column would mislabel it.
  if (vendor === 'hubspot' && mapping.amount !== undefined && headerKey(mapping.amount) === headerKey('Amount in company currency')) delete mapping.currency;
  const missing = missingOf(mapping);
  if (vendor && missing.length === 0) return { format: vendor, mapping, missing };
  // Not (all of) a vendor's export: suggest what common names find, keeping what the vendor's names found.
  const taken = new Set(Object.values(mapping));
  const generic = Object.entries(mappingFrom(headers, GENERIC)).filter(([field, header]) => mapping[field as DealField] === undefined && !taken.has(header));
  const suggestion: ColumnMapping = { ...Object.fromEntries(generic), ...mapping };
  return { format: null, mapping: suggestion, missing: missingOf(suggestion) };
}
