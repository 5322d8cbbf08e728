// Request and response schemas for workspaces, people and access (SPEC S0). Shared with the web client.
import { z } from 'zod';
import { passwordProblem } from './domain/password-strength.js';
import { EMAIL_MAX, FUNCTION_MAX, NAME_MAX, PASSWORD_MAX } from './domain/text-limits.js';
import { PageQuery, pageOf, QueryFlag, SearchText } from '../../shared/page.js';
import { Role, Team, TimeZone } from '../../shared/schemas.js';

export { Role, Team, TimeZone };
const Email = z.string().trim().max(EMAIL_MAX).toLowerCase().pipe(z.email({ message: 'must be an email address' })).describe('Email address');
const Password = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(PASSWORD_MAX)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('At least 10 characters and hard to guess (zxcvbn score 3 or more)');

/** Refuses a password built from the person's own email, name or company (checked where those are known). */
function refusePersonalPassword(ctx: z.RefinementCtx, password: string | undefined, personal: Array<string | undefined>): void {
  if (password === undefined || passwordProblem(password) !== null) return;
  const problem = passwordProblem(password, personal.filter((p): p is string => Boolean(p)));
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}
const Name = z.string().trim().min(1, { message: 'is required' }).max(NAME_MAX);
const IdParam = z.string().min(1).max(100);

export const Holiday = z.strictObject({
  date: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }),
  name: z.string().trim().min(1).max(NAME_MAX),
});

export const WorkspaceView = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  weekStart: z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday'),
  fiscalYearStartMonth: z.number().int().min(1).max(12).describe('1 = January … 12 = December'),
  holidays: z.array(Holiday),
  painThreshold: z.number().int().min(0).max(100),
  isDemo: z.boolean(),
  createdAt: z.string(),
});
export type WorkspaceView = z.infer<typeof WorkspaceView>;

export const WorkspaceSettingsInput = z
  .strictObject({
    name: Name,
    timeZone: TimeZone,
    weekStart: z.number().int().min(0).max(6),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    holidays: z.array(Holiday).max(200).describe('The whole list; each date from 1 January ten years back to 31 December next year (dates already saved are kept)'),
    painThreshold: z.number().int().min(0).max(100),
  })
  .partial()
  .describe('Any subset of the settings; what is left out is unchanged.');

export const WorkspaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  team: Team,
  isDemo: z.boolean(),
});

export const MemberStatus = z
  .enum(['invited', 'active', 'inactive'])
  .describe('invited: added by an admin, waiting for the person to accept (name is what the admin typed); active: joined; inactive: deactivated');

export const MemberView = z.object({
  id: z.string(),
  userId: z.string().nullable().describe('null while the member is invited: nothing of the account shows until the person joins'),
  email: z.string(),
  name: z.string(),
  timeZone: z.string(),
  role: Role,
  team: Team,
  function: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  keyPlayer: z.boolean(),
  active: z.boolean(),
  status: MemberStatus,
  joinedAt: z.string().nullable().describe('When the person accepted; null while invited'),
  createdAt: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

export const MembersQuery = PageQuery.extend({
  q: SearchText.optional().describe("Only members whose name, email or function contains this text (any case): what a person picker searches with"),
  team: Team.optional(),
  role: Role.optional(),
  status: MemberStatus.optional(),
  active: QueryFlag.optional().describe('true: only people not deactivated (active and invited, who can be picked as owners and attendees); false: only deactivated ones'),
  keyPlayer: QueryFlag.optional().describe('true: only key players; false: only the others'),
});
export const MembersPageView = pageOf(MemberView).extend({ total: z.number().int().describe('How many members match the filters, on every page') });

const MemberBrief = z.object({ id: z.string(), name: z.string(), function: z.string() });
export const MemberSummaryView = z.object({
  people: z.object({ active: z.number().int(), invited: z.number().int(), inactive: z.number().int() }).describe('Everyone, by status'),
  teams: z.array(
    z.object({
      team: Team,
      members: z.number().int().describe('Active and invited members of the team'),
      keyPlayers: z.number().int(),
      leads: z.number().int().describe('Leaders and admins of the team'),
      firstKeyPlayers: z.array(MemberBrief).max(4).describe('The first four key players by name'),
      firstLeads: z.array(MemberBrief).max(3).describe('The first three leads by name'),
    }),
  ),
});

export const PendingInvitationView = z.object({
  id: z.string().describe('The waiting membership; accept or decline it with /me/invitations/{id}/…'),
  workspaceName: z.string(),
  role: Role,
  team: Team,
  invitedAt: z.string(),
});

export const MeView = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), timeZone: z.string() }),
  workspace: WorkspaceView.nullable(),
  member: MemberView.nullable(),
  workspaces: z.array(WorkspaceSummary),
  invitations: z.array(PendingInvitationView).describe('Workspaces whose admin added you, waiting for you to accept or decline'),
});
export type MeView = z.infer<typeof MeView>;

export const SignUpInput = z.strictObject({
  email: Email,
  name: Name,
  password: Password,
  workspaceName: Name.describe('The company; becomes the workspace name'),
  timeZone: TimeZone.optional().describe('Defaults to UTC'),
  team: Team.optional().describe("The team the founder leads: sales or marketing, or leadership when they set up both (the default). Admins and leadership leaders edit either team's KPIs on its behalf."),
}).superRefine((b, ctx) => refusePersonalPassword(ctx, b.password, [b.email, b.name, b.workspaceName]));
export const SignInInput = z.strictObject({ email: Email, password: z.string().min(1).max(PASSWORD_MAX) });
export const SwitchWorkspaceInput = z.strictObject({ workspaceId: IdParam });
export const CreateWorkspaceInput = z.strictObject({ name: Name, timeZone: TimeZone.optional() });
export const UpdateProfileInput = z.strictObject({ name: Name, timeZone: TimeZone }).partial();
export const ChangePasswordInput = z.strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: Password });

export const MemberUpdateInput = z
  .strictObject({
    role: Role,
    team: Team,
    function: z.string().trim().max(FUNCTION_MAX),
    managerId: IdParam.nullable(),
    keyPlayer: z.boolean(),
    active: z.boolean(),
  })
  .partial();

export const AddMemberInput = z.strictObject({
  email: Email,
  name: Name,
  role: Role.default('member'),
  team: Team,
  function: z.string().trim().max(FUNCTION_MAX).default(''),
  managerId: IdParam.nullable().default(null),
  keyPlayer: z.boolean().default(false),
});

export const AddMemberView = z.object({
  member: MemberView,
  setupUrl: z
    .string()
    .describe('A single-use link (7 days) to give the person: it sets a password for someone new to Lockstep, or joins once signed in. Shown only now.'),
});

export const InviteInput = z.strictObject({
  email: Email.optional().describe('When set, only this address can accept'),
  role: Role.default('member'),
  team: Team,
  function: z.string().trim().max(FUNCTION_MAX).default(''),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const InviteView = z.object({
  id: z.string(),
  email: z.string().nullable(),
  role: Role,
  team: Team,
  function: z.string(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export const InvitesPageView = pageOf(InviteView);
export const CreatedInviteView = InviteView.extend({ url: z.string().describe('The invite link; shown only now'), token: z.string() });

export const InvitePreview = z.object({
  workspaceName: z.string(),
  role: Role,
  team: Team,
  email: z.string().nullable(),
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
});

export const AcceptInviteInput = z.strictObject({
  name: Name.optional().describe('Required when not signed in'),
  email: Email.optional().describe('Required when not signed in and the invite names no email'),
  password: Password.optional().describe('Required when not signed in'),
}).superRefine((b, ctx) => refusePersonalPassword(ctx, b.password, [b.email, b.name]));

export const ApiTokenInput = z.strictObject({ name: Name });
export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  memberName: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ApiTokensPageView = pageOf(ApiTokenView);
export const CreatedApiTokenView = ApiTokenView.extend({ token: z.string().describe('The token; shown only now') });

export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  onBehalfOf: z.enum(['sales', 'marketing', 'leadership']).nullable().describe('The team the actor acted for without leading it (an admin or leadership leader on its behalf)'),
  actorLabel: z.string().nullable().describe('Who did it, as people read it: "Dana Whitfield", or "Dana Whitfield for Sales" on a team\'s behalf'),
  actorMemberId: z.string().nullable().describe('Who acted; null for Lockstep itself (jobs, the command line)'),
  summary: z.string().describe("What happened, as a sentence with names (\"Sam Seller marked 'Send the lost-deal list to marketing' done\")"),
  kind: z.string().describe('The kind of thing it is about, in words ("API token")'),
  action: z.string().describe('The raw code (api_token.created), for programs'),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable().describe('Only the fields that changed, as they were'),
  after: z.unknown().nullable().describe('Only the fields that changed, as they became'),
});
export const AuditFilters = z.strictObject({
  entityType: z.string().max(60).optional().describe('Only entries about this kind of thing (member, kpi, meeting, …)'),
  memberId: IdParam.optional().describe('Only what this member did'),
  from: z.iso.datetime({ offset: true }).optional().describe('Only entries at or after this instant (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Only entries before this instant (ISO 8601)'),
});
export const AuditQuery = PageQuery.extend(AuditFilters.shape);
export const AuditKindsView = z.object({ kinds: z.array(z.object({ entityType: z.string(), kind: z.string() })) });
export const AuditPageView = pageOf(AuditEntryView);

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationsView = pageOf(NotificationView).extend({ unread: z.number().int().describe('Your unread notifications, on every page') });

export const IdParams = z.strictObject({ id: IdParam });
export const TokenParams = z.strictObject({ token: z.string().min(10).max(200) });
export const Ok = z.object({ ok: z.literal(true) });
