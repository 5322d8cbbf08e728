// Runs the agenda-section providers of the other capabilities for one meeting (SPEC S2 agenda). They
// run side by side; one that fails (or never answers within the time limit) becomes an error result
// and the rest of the agenda is still built — a slow wins query must not block the check-in.
import type { AgendaBuildContext, AgendaSectionProvider } from '../../../shared/contracts/agenda.js';
import type { AgendaSectionResult } from './types.js';

/** A provider gets 5 s: the agenda refreshes on a job and on page load, where longer is broken. */
export const PROVIDER_TIMEOUT_MS = 5_000;

export async function collectAgendaSections(
  providers: readonly AgendaSectionProvider[],
  ctx: AgendaBuildContext,
  timeoutMs = PROVIDER_TIMEOUT_MS,
): Promise<AgendaSectionResult[]> {
  return Promise.all(
    providers.map(async (p): Promise<AgendaSectionResult> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`took longer than ${timeoutMs / 1000} s`)), timeoutMs);
      });
      try {
        const items = await Promise.race([p.build(ctx), timeout]);
        return { key: p.key, items };
      } catch (err) {
        return { key: p.key, error: err instanceof Error ? err.message : String(err) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
