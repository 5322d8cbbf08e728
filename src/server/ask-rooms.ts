// How the kernel and the rooms ask every room's provider of a contract at once (to-dos, Getting started steps,
// alignment signals, what cites a deal): a room that throws is logged and named in `unavailable` with a sentence a
// person reads, and the other rooms' answers still stand.
import type { Logger } from './logger.js';

export interface RoomUnavailable {
  room: string;
  message: string;
}

export interface RoomAnswers<A> {
  /** The rooms that answered, in the providers' order. */
  answers: Array<{ room: string; value: A }>;
  unavailable: RoomUnavailable[];
}

/**
 * Asks each provider at once. `failed` says what a room could not do ("report its to-dos"), for the log and the
 * sentence; `without` what stands instead (by default "the rest is shown without it").
 */
export async function askRooms<P extends { room: string }, A>(
  log: Logger,
  providers: readonly P[],
  ask: (p: P) => Promise<A>,
  say: { failed: string; without?: string },
): Promise<RoomAnswers<A>> {
  const settled = await Promise.allSettled(providers.map(ask));
  const answers: RoomAnswers<A>['answers'] = [];
  const unavailable: RoomUnavailable[] = [];
  settled.forEach((s, i) => {
    const room = providers[i]?.room ?? 'unknown';
    if (s.status === 'fulfilled') answers.push({ room, value: s.value });
    else {
      log.error({ err: s.reason, room }, `the ${room} room could not ${say.failed}`);
      unavailable.push({ room, message: `The ${room} room could not ${say.failed} just now; ${say.without ?? 'the rest is shown without it'}.` });
    }
  });
  return { answers, unavailable };
}
