// The whole database as one type (STYLE: one table interface per file, combined here).
import type { AlignmentScoresTable, AlignmentWeightsTable } from './alignment.js';
import type { ApiTokensTable } from './api-tokens.js';
import type { AuditLogTable } from './audit-log.js';
import type { ChannelsTable } from './channels.js';
import type {
  ActionItemsTable,
  AgendaItemsTable,
  CalendarFeedsTable,
  CheckinAttendeesTable,
  CheckinSeriesTable,
  DecisionsTable,
  MeetingAttendanceTable,
  MeetingsTable,
} from './checkins.js';
import type { DealColumnPresetsTable, DealImportErrorsTable, DealImportsTable, DealOwnerMappingsTable, DealSettingsTable, DealsTable } from './deals.js';
import type { EvidenceTable, PainsTable, PieceCommentsTable, PiecePainMatchesTable, PieceReviewsTable, PiecesTable } from './messaging.js';
import type { ExpectationsTable, KpiKindsTable, KpisTable, KpiValuesTable, PublicationsTable, QuizAnswersTable } from './goals.js';
import type { InvitesTable } from './invites.js';
import type { JobRunsTable } from './job-runs.js';
import type { MembersTable } from './members.js';
import type { NotificationsTable } from './notifications.js';
import type { OutboxTable } from './outbox.js';
import type { RateLimitsTable } from './rate-limits.js';
import type { ReadVersionsTable } from './read-versions.js';
import type { SessionsTable } from './sessions.js';
import type { ShadowAffinityRulesTable, ShadowDateProposalsTable, ShadowParticipantsTable, ShadowPairsTable, ShadowProgramsTable, ShadowReflectionsTable, ShadowUnavailableDatesTable } from './shadowing.js';
import type { UsersTable } from './users.js';
import type { WebhookReplaysTable, WebhookSecretsTable } from './webhooks.js';
import type { WorkspacesTable } from './workspaces.js';
import type { WinCommentsTable, WinCreditsTable, WinDealsTable, WinProposalsTable, WinReactionsTable, WinSettingsTable, WinsTable } from './wins.js';

export interface DatabaseSchema {
  users: UsersTable;
  workspaces: WorkspacesTable;
  members: MembersTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  notifications: NotificationsTable;
  job_runs: JobRunsTable;
  outbox: OutboxTable;
  kpi_kinds: KpiKindsTable;
  kpis: KpisTable;
  kpi_values: KpiValuesTable;
  publications: PublicationsTable;
  expectations: ExpectationsTable;
  quiz_answers: QuizAnswersTable;
  checkin_series: CheckinSeriesTable;
  checkin_attendees: CheckinAttendeesTable;
  meetings: MeetingsTable;
  meeting_attendance: MeetingAttendanceTable;
  agenda_items: AgendaItemsTable;
  decisions: DecisionsTable;
  action_items: ActionItemsTable;
  calendar_feeds: CalendarFeedsTable;
  rate_limits: RateLimitsTable;
  read_versions: ReadVersionsTable;
  deals: DealsTable;
  deal_settings: DealSettingsTable;
  deal_imports: DealImportsTable;
  deal_import_errors: DealImportErrorsTable;
  deal_owner_mappings: DealOwnerMappingsTable;
  deal_column_presets: DealColumnPresetsTable;
  webhook_secrets: WebhookSecretsTable;
  webhook_replays: WebhookReplaysTable;
  pains: PainsTable;
  evidence: EvidenceTable;
  pieces: PiecesTable;
  piece_reviews: PieceReviewsTable;
  piece_comments: PieceCommentsTable;
  piece_pain_matches: PiecePainMatchesTable;
  channels: ChannelsTable;
  wins: WinsTable;
  win_credits: WinCreditsTable;
  win_reactions: WinReactionsTable;
  win_comments: WinCommentsTable;
  win_deals: WinDealsTable;
  win_proposals: WinProposalsTable;
  win_settings: WinSettingsTable;
  shadow_programs: ShadowProgramsTable;
  shadow_participants: ShadowParticipantsTable;
  shadow_unavailable_dates: ShadowUnavailableDatesTable;
  shadow_pairs: ShadowPairsTable;
  shadow_date_proposals: ShadowDateProposalsTable;
  shadow_reflections: ShadowReflectionsTable;
  shadow_affinity_rules: ShadowAffinityRulesTable;
  alignment_weights: AlignmentWeightsTable;
  alignment_scores: AlignmentScoresTable;
}
