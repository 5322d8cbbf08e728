import type { ColumnType } from 'kysely';
// Published goals (SPEC S1). Money in cents, percent as 0–100, dates 'YYYY-MM-DD' in the workspace zone.
import type { Team } from '../../shared/vocabulary.js';

export interface KpiKindsTable {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  unit: 'count' | 'currency' | 'percent' | 'days' | 'hours' | 'ratio';
  direction: 'higher' | 'lower';
  description: string;
  created_at: string;
}

export interface KpisTable {
  id: string;
  workspace_id: string;
  team: Team;
  name: string;
  /** A built-in catalog kind id ('mqls') or a workspace kind key ('custom:…'). */
  kind: string;
  unit: KpiKindsTable['unit'];
  direction: KpiKindsTable['direction'];
  measurement: string;
  data_source: 'manual' | 'csv' | 'webhook' | 'deals';
  period: 'week' | 'month' | 'quarter';
  target: number | null;
  baseline: number | null;
  owner_member_id: string | null;
  compensated: number;
  comp_weight: number;
  rank: number | null;
  shared: number;
  /** The lead who proposed sharing it, until a lead of the other team accepts (then shared = 1). */
  shared_proposed_by: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface KpiValuesTable {
  id: string;
  workspace_id: string;
  kpi_id: string;
  date: string;
  value: number;
  source: 'manual' | 'csv' | 'webhook' | 'deals';
  note: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface PublicationsTable {
  id: string;
  workspace_id: string;
  team: Team;
  number: number;
  published_by: string | null;
  published_at: string;
  /** The team published for by an admin or leadership leader who does not lead it (SPEC S0); null otherwise. */
  on_behalf_of: ColumnType<Team | null, Team | null | undefined, Team | null>;
  note: string | null;
  /** JSON PublicationSnapshot — immutable once written. */
  snapshot: string;
  /** JSON PublicationChange[] against the previous publication of the team. */
  diff: string;
}

export interface ExpectationsTable {
  id: string;
  workspace_id: string;
  member_id: string;
  about_team: Team;
  rank: number;
  kind: string | null;
  text: string;
  created_at: string;
}

export interface QuizAnswersTable {
  id: string;
  workspace_id: string;
  member_id: string;
  about_team: Team;
  publication_id: string | null;
  /** JSON array of catalog kind ids. */
  kinds: string;
  correct: number;
  answered_at: string;
}
