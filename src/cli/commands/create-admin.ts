// `lockstep create-admin`: a clean workspace and its first admin, exactly as sign-up makes them (SPEC S0, S8).
import type { z } from 'zod';
import { SignUpInput } from '../../capabilities/workspaces/schemas.js';
import { findUserByEmail, insertMember, insertUser, insertWorkspace } from '../../capabilities/workspaces/store.js';
import { recordAudit } from '../../server/audit.js';
import { hashPassword } from '../../server/auth.js';
import { CliError, readConfig } from '../cli-error.js';
import { withDatabase } from '../open-database.js';
import { migrateBeforeWriting } from './migrate.js';

export interface CreateAdminOptions {
  email?: string;
  name?: string;
  password?: string;
  workspace?: string;
  timeZone?: string;
}

// Which option each field of the sign-up contract comes from, so errors name what the person typed.
const FLAGS: Record<string, string> = {
  email: '--email',
  name: '--name',
  password: '--password',
  workspaceName: '--workspace',
  timeZone: '--time-zone',
};

export function parseCreateAdmin(opts: CreateAdminOptions): z.infer<typeof SignUpInput> {
  const input: Record<string, string | undefined> = {
    email: opts.email,
    name: opts.name,
    password: opts.password,
    workspaceName: opts.workspace,
    timeZone: opts.timeZone,
  };
  const parsed = SignUpInput.safeParse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const flag = FLAGS[field] ?? field;
    if (problems.has(flag)) continue;
    problems.set(flag, input[field] === undefined ? 'is required' : issue.message);
  }
  const lines = [...problems].map(([flag, message]) => `  ${flag} ${message}`);
  throw new CliError(`Cannot create the admin:\n${lines.join('\n')}`);
}

export async function createAdminCommand(opts: CreateAdminOptions): Promise<void> {
  const input = parseCreateAdmin(opts);
  const config = readConfig();
  const passwordHash = await hashPassword(input.password);
  const timeZone = input.timeZone ?? 'UTC';
  const ws = await withDatabase(config, async (db) => {
    await migrateBeforeWriting(db);
    return db.transaction(async (tx) => {
      if (await findUserByEmail(tx, input.email)) {
        throw new CliError(
          `An account with ${input.email} already exists, so nothing was changed. ` +
            'That person can sign in and create another workspace from the workspace menu.',
        );
      }
      const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash, timeZone });
      const workspace = await insertWorkspace(tx, { name: input.workspaceName, timeZone });
      const member = await insertMember(tx, { workspaceId: workspace.id, userId: user.id, role: 'admin', team: 'leadership', keyPlayer: true });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actorMemberId: member.id,
        action: 'workspace.created',
        entityType: 'workspace',
        entityId: workspace.id,
        after: { name: workspace.name },
      });
      return workspace;
    });
  });
  console.log(`Created the workspace "${ws.name}" (time zone ${ws.time_zone}) with ${input.email} as its admin.`);
  console.log(`Sign in at ${config.publicUrl} with that email and the password you gave.`);
}
