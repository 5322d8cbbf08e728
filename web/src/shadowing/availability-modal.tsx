// A participant's availability as a host (SPEC S4): how many guests they take this quarter (2 by default) and the days
// of the quarter they cannot host. The member sets their own; a leader may set anyone's.
import '@mantine/dates/styles.css';
import { Modal, NumberInput, Stack, Text } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { fieldError } from '../api/client.js';
import { todayIn } from '../checkins/format.js';
import { formatLocalDate } from '../shell/format.js';
import { useSession } from '../shell/session.js';
import { DialogActions } from './dialog-actions.js';
import { LIMITS, lastDayOf } from './format.js';
import { useUpdateParticipant } from './queries.js';
import type { ParticipantView, ProgramView } from './types.js';

export function AvailabilityModal({ program, participant, own, onClose }: { program: ProgramView; participant: ParticipantView | null; own: boolean; onClose: () => void }) {
  const { workspace } = useSession();
  const update = useUpdateParticipant(program.id);
  const [capacity, setCapacity] = useState<number | string>(LIMITS.capacityDefault);
  const [dates, setDates] = useState<string[]>([]);
  useEffect(() => {
    if (!participant) return;
    setCapacity(participant.capacity);
    setDates([...participant.unavailableDates].sort());
    update.reset();
  }, [participant?.member.id]);
  const close = () => {
    update.reset();
    onClose();
  };
  const valid = typeof capacity === 'number' && Number.isInteger(capacity) && capacity >= 0 && capacity <= LIMITS.capacityMax;
  const save = () => {
    if (!participant || !valid) return;
    update.mutate(
      { memberId: participant.member.id, patch: { capacity, unavailableDates: [...dates].sort() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: own ? 'Your availability is saved.' : `${participant.member.name}’s availability is saved.` });
          close();
        },
      },
    );
  };
  const first = program.quarter.startDate;
  const last = lastDayOf(program.quarter);
  // The picker opens on this month when the quarter has begun: days gone by are rarely the ones to mark.
  const today = todayIn(workspace.timeZone);
  const opensOn = today > first && today <= last ? today : first;
  return (
    <Modal opened={participant !== null} onClose={close} title={own ? 'Your availability' : `${participant?.member.name ?? ''}’s availability`} size="auto">
      <Stack gap="md" maw={360}>
        <NumberInput
          label="Guests you can host this quarter"
          description={`0 to ${LIMITS.capacityMax}; 2 unless you change it. Guests come from the other team.`}
          min={0}
          max={LIMITS.capacityMax}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={capacity}
          onChange={setCapacity}
          error={valid ? fieldError(update.error, 'capacity') : `Pick a whole number from 0 to ${LIMITS.capacityMax}.`}
        />
        <div>
          <Text size="sm" fw={500} id="unavailable-label">
            Days you cannot host
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            Click days in {program.quarter.label} to mark them; click again to clear one.
          </Text>
          <DatePicker
            type="multiple"
            aria-labelledby="unavailable-label"
            value={dates}
            onChange={setDates}
            minDate={first}
            maxDate={last}
            defaultDate={opensOn}
            numberOfColumns={1}
            nextLabel="Next month"
            previousLabel="Previous month"
            hideOutsideDates
            // Weekends in the default red read at 3.3:1 (axe): no shadow day falls on one anyway.
            weekendDays={[]}
          />
          <Text size="sm" mt="xs" aria-live="polite">
            {dates.length === 0 ? 'No unavailable days.' : `${dates.length} unavailable: ${dates.map((d) => formatLocalDate(d)).join(', ')}.`}
          </Text>
        </div>
        <DialogActions of={update} label="Save availability" onCancel={close} onConfirm={save} disabled={!valid} />
      </Stack>
    </Modal>
  );
}
