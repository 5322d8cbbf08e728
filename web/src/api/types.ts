// The API's shapes, inferred from the server's Zod schemas. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type {
  AddMemberView as AddMemberViewSchema,
  ApiTokenView as ApiTokenViewSchema,
  AuditEntryView as AuditEntryViewSchema,
  CreatedApiTokenView as CreatedApiTokenViewSchema,
  CreatedInviteView as CreatedInviteViewSchema,
  InvitePreview as InvitePreviewSchema,
  InviteView as InviteViewSchema,
  MemberView as MemberViewSchema,
  MembersPageView as MembersPageViewSchema,
  MemberSummaryView as MemberSummaryViewSchema,
  MeView as MeViewSchema,
  NotificationsView as NotificationsViewSchema,
  NotificationView as NotificationViewSchema,
  Role as RoleSchema,
  Team as TeamSchema,
  WorkspaceSummary as WorkspaceSummarySchema,
  WorkspaceView as WorkspaceViewSchema,
  Holiday as HolidaySchema,
  WorkspaceSettingsInput as WorkspaceSettingsInputSchema,
  MemberUpdateInput as MemberUpdateInputSchema,
  AddMemberInput as AddMemberInputSchema,
  InviteInput as InviteInputSchema,
  SignUpInput as SignUpInputSchema,
  AcceptInviteInput as AcceptInviteInputSchema,
} from '../../../src/capabilities/workspaces/schemas.js';

export type Role = z.infer<typeof RoleSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type MeView = z.infer<typeof MeViewSchema>;
export type WorkspaceView = z.infer<typeof WorkspaceViewSchema>;
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;
export type Holiday = z.infer<typeof HolidaySchema>;
export type MemberView = z.infer<typeof MemberViewSchema>;
export type MembersPageView = z.infer<typeof MembersPageViewSchema>;
export type MemberSummaryView = z.infer<typeof MemberSummaryViewSchema>;
export type AddMemberView = z.infer<typeof AddMemberViewSchema>;
export type InviteView = z.infer<typeof InviteViewSchema>;
export type CreatedInviteView = z.infer<typeof CreatedInviteViewSchema>;
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;
export type ApiTokenView = z.infer<typeof ApiTokenViewSchema>;
export type CreatedApiTokenView = z.infer<typeof CreatedApiTokenViewSchema>;
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;
export type NotificationView = z.infer<typeof NotificationViewSchema>;
export type NotificationsView = z.infer<typeof NotificationsViewSchema>;
// Request bodies as sent (before the server applies defaults).
export type WorkspaceSettingsInput = z.input<typeof WorkspaceSettingsInputSchema>;
export type MemberUpdateInput = z.input<typeof MemberUpdateInputSchema>;
export type AddMemberInput = z.input<typeof AddMemberInputSchema>;
export type InviteInput = z.input<typeof InviteInputSchema>;
export type SignUpInput = z.input<typeof SignUpInputSchema>;
export type AcceptInviteInput = z.input<typeof AcceptInviteInputSchema>;
