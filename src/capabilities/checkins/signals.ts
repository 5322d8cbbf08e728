// What check-ins reports for the alignment score (SPEC S6 "Cadence"), through AlignmentSignalProvider only.
import type { Db } from '../../db/database.js';
import type { AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import { cadenceSignal } from './domain/cadence-signal.js';
import { complianceMeetings, getActiveSeries, toDomainMeeting } from './store.js';

export function checkinsSignals(db: Db): AlignmentSignalProvider {
  return {
    room: 'checkins',
    async signals({ workspaceId, now }) {
      const series = await getActiveSeries(db, workspaceId);
      const meetings = series ? (await complianceMeetings(db, workspaceId, series.id, now)).map(toDomainMeeting) : [];
      return [cadenceSignal(series ? { meetings } : null, now)];
    },
  };
}
