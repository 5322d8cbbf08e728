// The dashboard's "Latest wins" card (issue 13): the five newest wins, collaborative ones marked "Sales × Marketing"
// with the accent, each a link to its page; the card links to the room.
import { Anchor, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { usePermissions } from '../shell/session.js';
import { creditedNames } from './format.js';
import { NO_FILTERS, useWins } from './queries.js';
import { collaborativeClass, TeamsBadge } from './win-badges.js';

export function LatestWinsCard() {
  const { canContribute } = usePermissions();
  const list = useWins(NO_FILTERS, 5);
  const wins = list.items.slice(0, 5);
  return (
    <Card component="section" aria-labelledby="latest-wins-heading">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color="yellow" aria-hidden>
            <IconTrophy size={22} />
          </ThemeIcon>
          <Title order={2} fz="lg" id="latest-wins-heading">
            Latest wins
          </Title>
        </Group>
        <Anchor component={Link} to="/wins" size="sm">
          All wins
        </Anchor>
      </Group>
      <MutationError of={list} />
      {list.isPending ? (
        list.isError ? null : <Skeleton h={160} />
      ) : wins.length === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            No wins posted yet. Check-ins open with them, so the week starts with what went right.
          </Text>
          {canContribute ? (
            <Button component={Link} to="/wins" size="xs" variant="light">
              Post the first win
            </Button>
          ) : null}
        </Stack>
      ) : (
        <Stack gap={8}>
          {wins.map((w) => (
            <Card key={w.id} withBorder padding="xs" radius="sm" className={collaborativeClass(w.collaborative)}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" pl={w.collaborative ? 6 : 0}>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/wins/${w.id}`} size="sm" fw={600} className="user-text" underline="hover">
                    {w.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" className="user-text">
                    {formatLocalDate(w.wonOn)} · {creditedNames(w.credited, 2)}
                  </Text>
                </Stack>
                <TeamsBadge win={w} size="xs" />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}
