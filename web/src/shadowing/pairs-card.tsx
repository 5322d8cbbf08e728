// The quarter's pairs, both directions (SPEC S4): guest → host, the day, the status and why the pairing costs what it
// does, in words. Leaders generate them (an optimal assignment; pins kept on a re-run), pin a pair, and swap the
// hosts of two pairs of the same direction. Who could not be placed is listed with the reason.
import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, List, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconPin, IconRefresh, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateTime, formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { DIRECTION_LABEL, DIRECTIONS } from './format.js';
import { PairStatusBadge } from './pair-status-badge.js';
import { useGenerate, usePin, useSwap } from './queries.js';
import type { PairView, ProgramView } from './types.js';

export function PairsCard({ program }: { program: ProgramView }) {
  const manage = program.me.canManage && program.status === 'open';
  const generate = useGenerate(program.id);
  const swap = useSwap(program.id);
  const pin = usePin();
  const [picked, setPicked] = useState<string[]>([]);
  const pickedPairs = program.pairs.filter((p) => picked.includes(p.id));
  const sameDirection = pickedPairs.length === 2 && pickedPairs[0]?.direction === pickedPairs[1]?.direction;
  const toggle = (id: string) => setPicked((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now.slice(-1), id]));
  const hasPairs = program.pairs.length > 0;

  const run = () =>
    generate.mutate(undefined, {
      onSuccess: (p) => {
        setPicked([]);
        notifications.show({
          color: 'teal',
          message: `${p.pairs.length} ${p.pairs.length === 1 ? 'pair' : 'pairs'} generated${p.unplaced.length ? `; ${p.unplaced.length} could not be placed` : ''}.`,
        });
      },
    });
  const doSwap = () => {
    const [a, b] = picked;
    if (!a || !b) return;
    swap.mutate([a, b], {
      onSuccess: () => {
        setPicked([]);
        notifications.show({ color: 'teal', message: 'Hosts swapped; both pairs are pinned.' });
      },
    });
  };

  return (
    <Card component="section" aria-labelledby="pairs-heading">
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <Stack gap={2} style={{ flex: '1 1 260px' }}>
          <Title order={2} fz="lg" id="pairs-heading">
            Pairs
          </Title>
          <Text size="sm" c="dimmed">
            {program.generatedAt ? `Generated ${formatDateTime(program.generatedAt)}.` : 'Not generated yet.'}{' '}
            {manage && hasPairs ? 'Pin the pairs to keep; a re-run keeps them and pairs everyone else again.' : null}
          </Text>
        </Stack>
        {manage ? (
          <Button leftSection={hasPairs ? <IconRefresh size={16} aria-hidden /> : <IconSparkles size={16} aria-hidden />} loading={generate.isPending} onClick={run}>
            {hasPairs ? 'Re-run, keeping pins' : 'Generate pairs'}
          </Button>
        ) : null}
      </Group>
      <MutationError of={generate} />
      {manage && hasPairs ? (
        <Paper withBorder p="sm" mb="md" radius="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm" aria-live="polite">
              {picked.length === 0
                ? 'To swap two hosts, tick two pairs of the same direction.'
                : picked.length === 1
                  ? 'Tick one more pair of the same direction.'
                  : sameDirection
                    ? `Swap ${pickedPairs[0]?.host.name}’s and ${pickedPairs[1]?.host.name}’s guests.`
                    : 'These pairs go in different directions: tick two of the same direction.'}
            </Text>
            <Group gap="xs">
              {picked.length > 0 ? (
                <Button variant="subtle" size="xs" onClick={() => setPicked([])}>
                  Clear
                </Button>
              ) : null}
              <Button size="xs" variant="light" leftSection={<IconArrowsExchange size={14} aria-hidden />} disabled={!sameDirection} loading={swap.isPending} onClick={doSwap}>
                Swap hosts
              </Button>
            </Group>
          </Group>
          <MutationError of={swap} />
        </Paper>
      ) : null}
      <MutationError of={pin} />
      {!hasPairs ? (
        <Text size="sm" c="dimmed" py="md">
          {manage
            ? 'Generate the pairs once people have set the days they cannot host: each member gets a host from the other team and a day.'
            : 'No pairs yet: a leader generates them for the quarter.'}
        </Text>
      ) : (
        <Stack gap="lg">
          {DIRECTIONS.map((direction) => {
            const pairs = program.pairs.filter((p) => p.direction === direction);
            const headingId = `pairs-${direction}`;
            return (
              <Stack key={direction} gap="xs" component="section" aria-labelledby={headingId}>
                <Title order={3} fz="sm" id={headingId}>
                  {DIRECTION_LABEL[direction]} · {pairs.length}
                </Title>
                {pairs.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No pairs in this direction.
                  </Text>
                ) : (
                  pairs.map((pair) => (
                    <PairRow
                      key={pair.id}
                      pair={pair}
                      manage={manage}
                      picked={picked.includes(pair.id)}
                      onPick={() => toggle(pair.id)}
                      onPin={() => pin.mutate({ pairId: pair.id, pinned: !pair.pinned })}
                      pinning={pin.isPending && pin.variables.pairId === pair.id}
                    />
                  ))
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
      {program.unplaced.length > 0 ? (
        <Alert color="yellow" mt="md" title={`${program.unplaced.length} ${program.unplaced.length === 1 ? 'member' : 'members'} could not be placed`}>
          <List size="sm" spacing={4}>
            {program.unplaced.map((u) => (
              <List.Item key={`${u.member.id}-${u.direction}`}>
                <Text span fw={600} size="sm">
                  {u.member.name}
                </Text>{' '}
                ({DIRECTION_LABEL[u.direction].toLowerCase()}): {u.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Card>
  );
}

function PairRow({ pair, manage, picked, onPick, onPin, pinning }: { pair: PairView; manage: boolean; picked: boolean; onPick: () => void; onPin: () => void; pinning: boolean }) {
  const name = `${pair.guest.name} shadows ${pair.host.name}`;
  const functions = pair.guest.function || pair.host.function ? `${pair.guest.function || 'No function'} → ${pair.host.function || 'no function'}` : null;
  return (
    <Paper withBorder p="sm" radius="md" aria-label={name} role="article" bg={picked ? 'var(--mantine-primary-color-light)' : undefined}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        {manage ? <Checkbox checked={picked} onChange={onPick} aria-label={`Pick ${name} to swap`} mt={3} /> : null}
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <Stack gap={0} style={{ minWidth: 0, flex: '1 1 220px' }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {pair.guest.name} → {pair.host.name}
              </Text>
              {functions ? (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {functions}
                </Text>
              ) : null}
            </Stack>
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              <PairStatusBadge status={pair.status} />
              {manage ? (
                <Tooltip label={pair.pinned ? 'Pinned: a re-run keeps this pair. Click to unpin.' : 'Pin: a re-run keeps this pair'} withArrow>
                  <ActionIcon variant={pair.pinned ? 'filled' : 'default'} aria-pressed={pair.pinned} aria-label={`Pin ${name}`} onClick={onPin} loading={pinning}>
                    <IconPin size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : pair.pinned ? (
                <Badge variant="outline" color="gray" leftSection={<IconPin size={12} aria-hidden />}>
                  Pinned
                </Badge>
              ) : null}
            </Group>
          </Group>
          <Text size="sm">
            <Text span fw={500} size="sm">
              {pair.date ? formatLocalDate(pair.date, { weekday: true }) : 'No date yet'}
            </Text>
            {pair.proposal ? (
              <Text span c="dimmed" size="sm">
                {` · ${pair.proposal.by.name} proposed ${formatLocalDate(pair.proposal.date, { weekday: true })}`}
              </Text>
            ) : null}
          </Text>
          <Text size="sm" c="dimmed">
            {pair.costReasons.length ? pair.costReasons.join(' · ') : 'A good match: nothing counts against it.'}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
