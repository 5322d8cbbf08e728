// Who takes part, per team (SPEC S4): everyone active in sales and marketing is in by default; who opted out and why
// (leaders read the reason), each host's capacity and unavailable days. A leader can set anyone's availability, or
// opt them out or back in.
import { ActionIcon, Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff, IconDoorEnter, IconDoorExit } from '@tabler/icons-react';
import { useState } from 'react';
import { MutationError } from '../shell/mutation-error.js';
import { AvailabilityModal } from './availability-modal.js';
import { TEAM_LABEL } from './format.js';
import { OptOutModal } from './opt-out-modal.js';
import { useUpdateParticipant } from './queries.js';
import type { ParticipantView, ProgramView } from './types.js';

export function ParticipantsCard({ program }: { program: ProgramView }) {
  const manage = program.me.canManage && program.status === 'open';
  const [editing, setEditing] = useState<ParticipantView | null>(null);
  const [optingOut, setOptingOut] = useState<ParticipantView | null>(null);
  const optIn = useUpdateParticipant(program.id);
  const list = program.participantsList;
  const out = list.filter((p) => p.optedOut).length;
  return (
    <Card component="section" aria-labelledby="participants-heading">
      <Title order={2} fz="lg" id="participants-heading">
        Participants
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {list.length - out} taking part{out ? `, ${out} opted out` : ''}. Everyone active in sales and marketing is in unless they opt out.
      </Text>
      <MutationError of={optIn} />
      <Stack gap="md">
        {(['sales', 'marketing'] as const).map((team) => {
          const people = list.filter((p) => p.member.team === team);
          return (
            <Stack key={team} gap={0} component="section" aria-label={`${TEAM_LABEL[team]} participants`}>
              <Title order={3} fz="sm" mb={4}>
                {TEAM_LABEL[team]} · {people.length}
              </Title>
              {people.map((p) => (
                <Group key={p.member.id} justify="space-between" gap="xs" wrap="nowrap" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {p.member.name}
                      {p.member.function ? (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          · {p.member.function}
                        </Text>
                      ) : null}
                    </Text>
                    {p.optedOut ? (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        Opted out{p.optedOut.reason ? `: “${p.optedOut.reason}”` : ''}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Hosts {p.guestsHosted} of {p.capacity}
                        {p.unavailableDates.length ? ` · ${p.unavailableDates.length} unavailable ${p.unavailableDates.length === 1 ? 'day' : 'days'}` : ''}
                      </Text>
                    )}
                  </Stack>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {p.optedOut ? (
                      <Badge size="sm" color="gray" variant="light">
                        Out
                      </Badge>
                    ) : null}
                    {manage && p.optedOut ? (
                      <Tooltip label="Opt back in" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Opt ${p.member.name} back in`}
                          onClick={() => optIn.mutate({ memberId: p.member.id, patch: { optedOut: null } }, { onSuccess: () => notifications.show({ color: 'teal', message: `${p.member.name} takes part again.` }) })}
                        >
                          <IconDoorEnter size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    ) : manage ? (
                      <>
                        <Tooltip label="Set availability" withArrow>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Set ${p.member.name}’s availability`} onClick={() => setEditing(p)}>
                            <IconCalendarOff size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Opt out" withArrow>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Opt ${p.member.name} out`} onClick={() => setOptingOut(p)}>
                            <IconDoorExit size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </>
                    ) : null}
                  </Group>
                </Group>
              ))}
            </Stack>
          );
        })}
      </Stack>
      {manage ? (
        <>
          <AvailabilityModal program={program} participant={editing} own={editing?.member.id === program.me.memberId} onClose={() => setEditing(null)} />
          <OptOutModal program={program} participant={optingOut} own={optingOut?.member.id === program.me.memberId} onClose={() => setOptingOut(null)} />
        </>
      ) : null}
    </Card>
  );
}
