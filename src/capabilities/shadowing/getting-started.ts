// The Shadowing room's step of Getting started (order 120, after wins' first win): a first shadow quarter opened
// and paired. Read from the programs as they are now.
import type { Db } from '../../db/database.js';
import type { GettingStartedProvider } from '../../shared/contracts/getting-started.js';

export function shadowingGettingStarted(db: Db): GettingStartedProvider {
  return {
    room: 'shadowing',
    async steps({ workspaceId }) {
      const programs = await db.selectFrom('shadow_programs').select(['quarter_label', 'generated_at']).where('workspace_id', '=', workspaceId).orderBy('start_date', 'desc').execute();
      const paired = programs.find((p) => p.generated_at !== null);
      const detail = paired
        ? `${paired.quarter_label} is paired: every member spends a day with the other team.`
        : programs[0]
          ? `${programs[0].quarter_label} is open: generate the pairs so everyone gets a day with the other team.`
          : 'None yet: open a quarter, and every seller and marketer spends a day with the other team.';
      return [{ key: 'shadowing.first_quarter', order: 120, title: 'Pair a first shadow quarter', detail, href: '/shadowing', action: 'Open Shadowing', done: paired !== undefined }];
    },
  };
}
