// Response types of the API, inferred from the Zod contract the server validates against.
import type { z } from 'zod';
import type * as S from '../../src/capabilities/workspaces/schemas.js';

export type MeView = z.infer<typeof S.MeView>;
export type MemberView = z.infer<typeof S.MemberView>;
export type WorkspaceView = z.infer<typeof S.WorkspaceView>;
export type AddMemberView = z.infer<typeof S.AddMemberView>;
export type InviteView = z.infer<typeof S.InviteView>;
export type CreatedInviteView = z.infer<typeof S.CreatedInviteView>;
export type InvitePreview = z.infer<typeof S.InvitePreview>;
export type ApiTokenView = z.infer<typeof S.ApiTokenView>;
export type CreatedApiTokenView = z.infer<typeof S.CreatedApiTokenView>;
export type AuditEntryView = z.infer<typeof S.AuditEntryView>;
export type NotificationsView = z.infer<typeof S.NotificationsView>;
export type Ok = z.infer<typeof S.Ok>;
