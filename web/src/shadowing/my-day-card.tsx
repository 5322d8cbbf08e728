// "Your shadow day": the signed-in member's own part of the program — the host they shadow and when, the guests they
// host, and their participation (opted out with a reason, or in, with their capacity and unavailable days). Shown
// only to participants.
import { Badge, Button, Card, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff, IconDoorExit, IconDoorEnter } from '@tabler/icons-react';
import { useState } from 'react';
import { todayIn } from '../checkins/format.js';
import { formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { useSession } from '../shell/session.js';
import { AvailabilityModal } from './availability-modal.js';
import { otherOf, TEAM_LABEL, withFunction } from './format.js';
import { OptOutModal } from './opt-out-modal.js';
import { PairActions } from './pair-actions.js';
import { PairStatusBadge } from './pair-status-badge.js';
import { ProposeDateModal } from './propose-date-modal.js';
import { useUpdateParticipant } from './queries.js';
import { ReflectionModal } from './reflection-modal.js';
import type { PairView, ParticipantView, ProgramView } from './types.js';

export function MyDayCard({ program }: { program: ProgramView }) {
  const { workspace } = useSession();
  const today = todayIn(workspace.timeZone);
  const me = program.participantsList.find((p) => p.member.id === program.me.memberId) ?? null;
  const [proposing, setProposing] = useState<{ pair: PairView; side: 'guest' | 'host' } | null>(null);
  const [reflecting, setReflecting] = useState<PairView | null>(null);
  const [editing, setEditing] = useState<ParticipantView | null>(null);
  const [optingOut, setOptingOut] = useState<ParticipantView | null>(null);
  const optIn = useUpdateParticipant(program.id);
  if (!program.me.isParticipant || !me) return null;
  const open = program.status === 'open';
  const asGuest = program.pairs.find((p) => p.guest.id === me.member.id) ?? null;
  const hosting = program.pairs.filter((p) => p.host.id === me.member.id);

  return (
    <Card component="section" aria-labelledby="my-day-heading" withBorder style={{ borderColor: 'var(--mantine-color-orange-outline)' }}>
      <Group justify="space-between" gap="sm" mb="sm">
        <Title order={2} fz="lg" id="my-day-heading">
          Your shadow day
        </Title>
        {me.optedOut ? (
          <Badge color="gray" variant="light">
            Opted out
          </Badge>
        ) : null}
      </Group>
      {me.optedOut ? (
        <Text size="sm">You sit {program.quarter.label} out: “{me.optedOut.reason}”.</Text>
      ) : asGuest ? (
        <PairBlock pair={asGuest} side="guest" today={today} open={open} onPropose={() => setProposing({ pair: asGuest, side: 'guest' })} onReflect={() => setReflecting(asGuest)} />
      ) : (
        <Text size="sm" c="dimmed">
          {program.pairs.length === 0 ? 'No pairs yet: once a leader generates them, your host and your day show here.' : 'You have no host this quarter (see “could not be placed” under Pairs).'}
        </Text>
      )}
      {hosting.length > 0 ? (
        <>
          <Divider my="md" />
          <Title order={3} fz="sm" mb="xs">
            You host {hosting.length} {hosting.length === 1 ? 'guest' : 'guests'}
          </Title>
          <Stack gap="xs">
            {hosting.map((p) => (
              <PairBlock key={p.id} pair={p} side="host" today={today} open={open} onPropose={() => setProposing({ pair: p, side: 'host' })} onReflect={() => undefined} />
            ))}
          </Stack>
        </>
      ) : null}
      {open ? (
        <>
          <Divider my="md" />
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 220px' }}>
              {me.optedOut
                ? 'Changed your mind? Opt back in and you are paired on the next run.'
                : `You host up to ${me.capacity} ${me.capacity === 1 ? 'guest' : 'guests'}; ${me.unavailableDates.length === 0 ? 'no unavailable days' : `${me.unavailableDates.length} unavailable ${me.unavailableDates.length === 1 ? 'day' : 'days'}`}.`}
            </Text>
            <Group gap="xs">
              {me.optedOut ? (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconDoorEnter size={14} aria-hidden />}
                  loading={optIn.isPending}
                  onClick={() => optIn.mutate({ memberId: me.member.id, patch: { optedOut: null } }, { onSuccess: () => notifications.show({ color: 'teal', message: `You take part in ${program.quarter.label}.` }) })}
                >
                  Opt back in
                </Button>
              ) : (
                <>
                  <Button size="xs" variant="default" leftSection={<IconCalendarOff size={14} aria-hidden />} onClick={() => setEditing(me)}>
                    Set availability
                  </Button>
                  <Button size="xs" variant="default" c="red.9" leftSection={<IconDoorExit size={14} aria-hidden />} onClick={() => setOptingOut(me)}>
                    Opt out
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <MutationError of={optIn} />
        </>
      ) : null}
      <ProposeDateModal pair={proposing?.pair ?? null} other={proposing ? otherOf(proposing.pair, proposing.side) : null} quarter={program.quarter} onClose={() => setProposing(null)} />
      <ReflectionModal pair={reflecting} onClose={() => setReflecting(null)} />
      <AvailabilityModal program={program} participant={editing} own onClose={() => setEditing(null)} />
      <OptOutModal program={program} participant={optingOut} own onClose={() => setOptingOut(null)} />
    </Card>
  );
}

function PairBlock({ pair, side, today, open, onPropose, onReflect }: { pair: PairView; side: 'guest' | 'host'; today: string; open: boolean; onPropose: () => void; onReflect: () => void }) {
  const other = otherOf(pair, side);
  return (
    <Paper withBorder radius="md" p="sm" role="article" aria-label={side === 'guest' ? `You shadow ${other.name}` : `${other.name} shadows you`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {side === 'guest' ? `You shadow ${withFunction(other)}` : `${withFunction(other)} shadows you`}
            </Text>
            <Text size="sm" c="dimmed">
              {TEAM_LABEL[other.team]} · {pair.date ? formatLocalDate(pair.date, { weekday: true }) : 'no date yet'}
            </Text>
          </Stack>
          <PairStatusBadge status={pair.status} />
        </Group>
        <PairActions pair={pair} side={side} today={today} open={open} onPropose={onPropose} onReflect={onReflect} />
      </Stack>
    </Paper>
  );
}
