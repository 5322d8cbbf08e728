// Generating a quarter's pairs (SPEC S4 "Pairing" and "Scheduling"): participants brought up to date, then for each
// direction the optimal pairing of the guests without a kept pair — kept are the pinned pairs and the days that
// happened or have a reflection — then a day for each pair without one, with its invite. A pair the new pairing
// gives the same host keeps its row and its day; the others are replaced. One generate at a time per program: a
// second at the same moment is refused with a 409 (the claim is a row update, so it holds across instances).
import type { Database, Tx } from '../../db/database.js';
import { lockForUpdate } from '../../db/locks.js';
import { recordAudit } from '../../server/audit.js';
import type { Actor } from '../../server/auth.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { newId, nowIso } from '../../server/ids.js';
import type { CalendarEventProvider } from '../../shared/contracts/calendar-events.js';
import { pairGuests, type Direction, type PairingHost, type PairingPerson } from './domain/pairing.js';
import { SHADOW_DIRECTIONS } from './schemas.js';
import { getProgram, listPairs, listParticipants, programLock, reflectionsOf, shadowCalendar, type MemberRow, type ProgramRow } from './store.js';
import { addParticipants, checkinDaysOf, pairingInputs, scheduleUndated } from './write.js';

/** How long a claimed generate holds the program before another may take over (a crashed instance's claim lapses). */
const CLAIM_MS = 120_000;

const guestTeamOf = (d: Direction) => (d === 'marketing_shadows_sales' ? 'marketing' : 'sales');
const hostTeamOf = (d: Direction) => (d === 'marketing_shadows_sales' ? 'sales' : 'marketing');

function person(id: string, members: ReadonlyMap<string, MemberRow>): PairingPerson {
  const m = members.get(id);
  return { id, name: m?.name ?? 'A member', function: m?.function ?? '', managerId: m?.manager_id ?? null };
}

async function claim(db: Database, workspaceId: string, programId: string, now: Date): Promise<void> {
  const r = await db.kysely
    .updateTable('shadow_programs')
    .set({ generating_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', programId)
    .where((eb) => eb.or([eb('generating_until', 'is', null), eb('generating_until', '<', now.toISOString())]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw conflict('The pairs of this quarter are being generated right now by someone else; reload in a moment to see them.');
}

/** What both directions' pairings start from, read once: who takes part, the pairs as they are, which have a reflection. */
async function currentState(tx: Tx, program: ProgramRow) {
  const participants = (await listParticipants(tx, program.id)).filter((p) => p.opted_out_at === null);
  const pairs = await listPairs(tx, [program.id]);
  const reflected = await reflectionsOf(tx, pairs.map((p) => p.id));
  return { participants, pairs, reflected };
}

async function pairDirection(tx: Tx, program: ProgramRow, direction: Direction, inputs: Awaited<ReturnType<typeof pairingInputs>>, state: Awaited<ReturnType<typeof currentState>>, today: string) {
  const { participants, reflected } = state;
  // Each direction writes only its own pairs, so the state read before either still holds for the other.
  const pairs = state.pairs.filter((p) => p.direction === direction);
  const active = new Set(participants.map((p) => p.member_id));
  const isKept = (p: (typeof pairs)[number]) => reflected.has(p.id) || (p.date !== null && p.date <= today) || (p.pinned === 1 && active.has(p.guest_id) && active.has(p.host_id));
  const kept = pairs.filter(isKept);
  const replaceable = new Map(pairs.filter((p) => !isKept(p)).map((p) => [p.guest_id, p]));
  const guests = participants.filter((p) => p.team === guestTeamOf(direction)).map((p) => person(p.member_id, inputs.members));
  const hosts: PairingHost[] = participants.filter((p) => p.team === hostTeamOf(direction) && p.capacity > 0).map((p) => ({ ...person(p.member_id, inputs.members), capacity: p.capacity }));
  const result = pairGuests({ direction, guests, hosts, kept: kept.map((p) => ({ guestId: p.guest_id, hostId: p.host_id })), ...inputs }, { guestTeam: guestTeamOf(direction), hostTeam: hostTeamOf(direction) });
  const at = nowIso();
  let changed = 0;
  for (const p of result.pairs) {
    const before = replaceable.get(p.guestId);
    replaceable.delete(p.guestId);
    if (before && before.host_id === p.hostId) {
      await tx.updateTable('shadow_pairs').set({ cost: p.cost, cost_reasons: JSON.stringify(p.costReasons), updated_at: at }).where('id', '=', before.id).execute();
      continue;
    }
    if (before) await tx.deleteFrom('shadow_pairs').where('id', '=', before.id).execute();
    await tx
      .insertInto('shadow_pairs')
      .values({ id: newId(), workspace_id: program.workspace_id, program_id: program.id, direction, guest_id: p.guestId, host_id: p.hostId, pinned: 0, cost: p.cost, cost_reasons: JSON.stringify(p.costReasons), date: null, sequence: 0, reminder_sent_for: null, created_at: at, updated_at: at })
      .execute();
    changed++;
  }
  // A guest the new pairing could not place (or who left) loses the old pair.
  for (const p of replaceable.values()) await tx.deleteFrom('shadow_pairs').where('id', '=', p.id).execute();
  return { placed: result.pairs.length, changed, kept: kept.length, unplaced: result.unplaced.map((u) => ({ memberId: u.guestId, direction, reason: u.reason })) };
}

export async function generatePairs(db: Database, providers: readonly CalendarEventProvider[], publicUrl: string, actor: Actor, programId: string, now: Date): Promise<void> {
  const cal = await shadowCalendar(db.kysely, actor.workspaceId, now);
  const found = await getProgram(db.kysely, actor.workspaceId, programId);
  if (!found) throw notFound('Shadow program');
  if (cal.today >= found.end_date) throw badRequest(`${found.quarter_label} is over: its pairs stay as they were.`);
  const checkins = await checkinDaysOf(providers, found, cal, now);
  await claim(db, actor.workspaceId, programId, now);
  try {
    await db.transaction(async (tx) => {
      await lockForUpdate(tx, db.dialect, programLock(programId));
      const program = (await getProgram(tx, actor.workspaceId, programId))!;
      const added = await addParticipants(tx, program);
      const inputs = await pairingInputs(tx, program, cal);
      const state = await currentState(tx, program);
      const results = [];
      for (const direction of SHADOW_DIRECTIONS) results.push(await pairDirection(tx, program, direction, inputs, state, cal.today));
      const scheduled = await scheduleUndated(tx, checkins, program, cal, { publicUrl, members: inputs.members, now });
      const unplaced = results.flatMap((r) => r.unplaced);
      const at = nowIso();
      await tx.updateTable('shadow_programs').set({ generated_at: at, unplaced: JSON.stringify(unplaced), updated_at: at }).where('id', '=', program.id).execute();
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorMemberId: actor.memberId,
        action: 'shadow_program.generated',
        entityType: 'shadow_program',
        entityId: program.id,
        after: { pairs: results.reduce((n, r) => n + r.placed + r.kept, 0), newPairs: results.reduce((n, r) => n + r.changed, 0), kept: results.reduce((n, r) => n + r.kept, 0), unplaced: unplaced.length, scheduled, participantsAdded: added },
      });
    });
  } finally {
    await db.kysely.updateTable('shadow_programs').set({ generating_until: null }).where('id', '=', programId).execute();
  }
}
