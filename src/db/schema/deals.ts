// Deals imported from a CRM (SPEC S7, issue 11): the product's real data, from which KPIs compute themselves and
// messaging and wins draw. Money in cents (bigint on PostgreSQL), dates 'YYYY-MM-DD' as the export gave them.
import type { ColumnType } from 'kysely';

export type DealStatus = 'open' | 'won' | 'lost';
/** Where a deal row came from: a recognised vendor export, a CSV mapped by hand, or the inbound webhook. */
export type DealOrigin = 'hubspot' | 'salesforce' | 'mapped' | 'webhook' | 'demo';

export interface DealsTable {
  id: string;
  workspace_id: string;
  /** The CRM's record id (HubSpot "Record ID", Salesforce "Opportunity ID"): re-imports upsert by it. */
  external_id: string;
  origin: DealOrigin;
  name: string;
  /** The stage exactly as the CRM names it ("Closed Won", "Appointment Scheduled", "Negotiation/Review"). */
  stage: string;
  status: DealStatus;
  amount: number | null;
  currency: string | null;
  close_date: string | null;
  created_date: string | null;
  /** The owner as the export named them; owner_member_id once matched (by email, name, or a remembered mapping). */
  owner_name: string | null;
  owner_member_id: string | null;
  pipeline: string | null;
  /** The lead/original source value as exported ("Paid Search", "Organic Search", "Web", "Partner Referral"). */
  source: string | null;
  /** Decided at write time from the workspace's rule (deal_settings.marketing_sources); rewritten when the rule changes. */
  marketing_sourced: number;
  win_reason: string | null;
  loss_reason: string | null;
  last_import_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DealSettingsTable {
  workspace_id: string;
  /** JSON string[]: source values (compared case-insensitively, trimmed) that count as marketing-sourced. */
  marketing_sources: string;
  updated_by: string | null;
  updated_at: string;
}

/**
 * uploading → validating → validated (or needs_mapping: the header was not recognised and no mapping was given) →
 * importing → done; failed (with a sentence in `error`) and cancelled from any of them. A failed or cancelled import
 * can be validated and committed again.
 */
export type DealImportStatus = 'uploading' | 'validating' | 'needs_mapping' | 'validated' | 'importing' | 'done' | 'failed' | 'cancelled';
export type DealImportEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';
/** How slashed dates (03/07/2026) are read: from the whole column ('auto'), month first, or day first. */
export type DealImportDateFormat = 'auto' | 'mdy' | 'dmy';

export interface DealImportsTable {
  id: string;
  workspace_id: string;
  filename: string;
  /** 'hubspot' | 'salesforce' recognised from the header row; 'mapped' when a column mapping was applied. */
  format: string | null;
  /** JSON: the column mapping used (field → header), null until known. */
  mapping: string | null;
  /** 'all_or_nothing' or 'valid_rows', chosen by the user before the rows are written. */
  mode: string | null;
  status: DealImportStatus;
  bytes_total: number | null;
  bytes_done: number;
  rows_total: number;
  rows_valid: number;
  rows_invalid: number;
  rows_inserted: number;
  rows_updated: number;
  /** A sentence for the person when the whole import failed (not a row error). */
  error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** JSON string[]: the file's header row, once read. */
  headers: string | null;
  /** How the file's bytes were decoded: UTF-8, UTF-16 (with its byte-order mark), or Windows-1252 (not valid UTF-8). */
  encoding: DealImportEncoding | null;
  delimiter: string | null;
  /** The person's choice for slashed dates; 'auto' (or null) reads them from the whole column (month first unless only day first fits). */
  date_format: DealImportDateFormat | null;
  /** The order the last read of the file used: the choice, or what 'auto' found. */
  date_order: 'mdy' | 'dmy' | null;
  /** JSON {name, rows}[]: owner names no member and no remembered mapping matched (the most frequent, at most 500). */
  unmatched_owners: string | null;
  /** Rows whose deal already held exactly these values (a re-import of the same export); null reads as 0. */
  rows_unchanged: number | null;
}

export interface DealImportErrorsTable {
  id: string;
  workspace_id: string;
  import_id: string;
  row_number: number;
  column_name: string | null;
  message: string;
}

export interface DealOwnerMappingsTable {
  workspace_id: string;
  /** The owner name as exported, trimmed and lower-cased. */
  owner_key: string;
  member_id: ColumnType<string, string, string>;
  created_at: string;
}

export interface DealColumnPresetsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** JSON: field → header. */
  mapping: string;
  created_by: string | null;
  created_at: string;
}
