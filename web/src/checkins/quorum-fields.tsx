// The quorum part of the check-in form (SPEC S2 "a quorum rule (default: at least one key player from each team)"):
// per team, whether it must be present and how many of whom; who among the attendees counts toward it; a button
// that marks an attendee a key player (decision 027); and the server's own sentence when the attendees cannot
// make the rule (quorumGaps, shared with the server), so the form never sends a rule that would be refused.
import { Alert, Badge, Button, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconStar } from '@tabler/icons-react';
import { MAX_QUORUM_PER_TEAM, quorumEligible, quorumGapMessage, quorumGaps } from '../../../src/capabilities/checkins/domain/quorum-reach.js';
import { errorMessage } from '../api/client.js';
import { TEAM_COLOR, TEAM_LABEL, TEAMS } from '../theme.js';
import type { PickedMember } from '../workspaces/member-picker.js';
import { useUpdateMember } from '../workspaces/queries.js';
import { asAttendees, KINDS, type NeedKind, type QuorumValues } from './quorum-values.js';

type Team = (typeof TEAMS)[number];

interface QuorumFieldsProps {
  value: QuorumValues;
  onChange: (value: QuorumValues) => void;
  attendees: PickedMember[];
  /** An attendee was marked a key player on the server: the form's copy follows. */
  onMarkedKeyPlayer: (memberId: string) => void;
}

export function QuorumFields({ value, onChange, attendees, onMarkedKeyPlayer }: QuorumFieldsProps) {
  const update = useUpdateMember();
  const markKeyPlayer = (m: PickedMember) =>
    update.mutate(
      { id: m.memberId, patch: { keyPlayer: true } },
      {
        onSuccess: () => {
          onMarkedKeyPlayer(m.memberId);
          notifications.show({ color: 'teal', message: `${m.name} is now a key player.` });
        },
        onError: (err) => notifications.show({ color: 'red', title: 'Could not mark the key player', message: errorMessage(err) }),
      },
    );

  return (
    <Fieldset legend="Quorum" variant="filled">
      <Text size="sm" c="dimmed" mb="sm">
        A check-in counts as held when these people are present. Choose, for each team, who must come.
      </Text>
      <Stack gap="md">
        {TEAMS.map((team) => {
          const need = value[team];
          const set = (patch: Partial<QuorumValues[Team]>) => onChange({ ...value, [team]: { ...need, ...patch } });
          const ofTeam = attendees.filter((a) => a.team === team);
          const requirement = { team, min: need.min, keyPlayersOnly: need.kind === 'key' };
          const counting = need.kind === 'none' ? [] : quorumEligible(asAttendees(ofTeam), requirement);
          const gap = need.kind === 'none' ? undefined : quorumGaps(asAttendees(ofTeam), { requirements: [requirement] })[0];
          return (
            <Stack key={team} gap={6}>
              <Group gap="sm" wrap="wrap" align="flex-end">
                <Select
                  label={`${TEAM_LABEL[team]} must send`}
                  data={KINDS}
                  value={need.kind}
                  allowDeselect={false}
                  onChange={(v) => set({ kind: (v ?? 'none') as NeedKind })}
                  w={190}
                />
                {need.kind !== 'none' ? (
                  <NumberInput
                    label="At least"
                    aria-label={`How many from ${team}`}
                    min={1}
                    max={MAX_QUORUM_PER_TEAM}
                    clampBehavior="strict"
                    allowDecimal={false}
                    allowNegative={false}
                    value={need.min}
                    onChange={(v) => set({ min: typeof v === 'number' ? v : 1 })}
                    w={100}
                  />
                ) : null}
              </Group>
              {need.kind !== 'none' ? (
                <Group gap={6} wrap="wrap" aria-label={`Who counts toward quorum from ${team}`} role="group">
                  <Text size="xs" c="dimmed">
                    Counts toward quorum:
                  </Text>
                  {counting.length === 0 ? (
                    <Text size="xs" c="dimmed" fs="italic">
                      nobody yet
                    </Text>
                  ) : (
                    counting.map((m) => (
                      <Badge key={m.memberId} variant="light" tt="none" color={TEAM_COLOR[team]} leftSection={m.keyPlayer ? <IconStar size={11} aria-hidden /> : undefined}>
                        {m.name}
                      </Badge>
                    ))
                  )}
                  {need.kind === 'key'
                    ? ofTeam
                        .filter((m) => !m.keyPlayer)
                        .map((m) => (
                          <Button
                            key={m.memberId}
                            size="compact-xs"
                            variant="default"
                            leftSection={<IconStar size={12} aria-hidden />}
                            loading={update.isPending && update.variables.id === m.memberId}
                            onClick={() => markKeyPlayer(m)}
                          >
                            Mark {m.name} as a key player
                          </Button>
                        ))
                    : null}
                </Group>
              ) : null}
              {gap ? (
                <Alert color="orange" variant="light" p="xs" role="alert">
                  <Text size="sm">{quorumGapMessage(gap)}</Text>
                </Alert>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
