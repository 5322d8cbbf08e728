// How the kernel and the rooms ask every room's provider of a contract at once (to-dos, Getting started steps,
// alignment signals, what cites a deal): a room that throws is logged and named in `unavailable` with a sentence a
// person reads, and the other rooms' answers still stand.
import type { Logger } from './logger.js';

export interface RoomUnavailable {
  room: string;
  message: string;
}

export interface RoomAnswers<P, A> {
  /** The rooms that answered, in the providers' order, each with the provider that answered. */
  answers: Array<{ room: string; provider: P; value: A }>;
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
): Promise<RoomAnswers<P, A>> {
  const settled = await Promise.allSettled(providers.map(ask));
  const answers: RoomAnswers<P, A>['answers'] = [];
  const unavailable: RoomUnavailable[] = [];
  settled.forEach((s, i) => {
    const provider = providers[i]!;
    const room = provider.room;
    if (s.status === 'fulfilled') answers.push({ room, provider, value: s.value });
    else {
      log.error({ err: s.reason, room }, `the ${room} room could not ${say.failed}`);
      unavailable.push({ room, message: `The ${room} room could not ${say.failed} just now; ${say.without ?? 'the rest is shown without it'}.` });
    }
  });
  return { answers, unavailable };
}
