// "My open action items": what the signed-in member agreed to do in a check-in, with done / drop at hand.
// Also shown on the dashboard (MyActionItemsCard).
import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import { LoadMore } from '../shell/load-more.js';
import { useSession } from '../shell/session.js';
import { calendarDate, meetingDayShort } from './format.js';
import { useCheckinPermissions } from './permissions.js';
import { useMyActionItems, useUpdateActionItem } from './queries.js';
import type { ActionItemView } from './types.js';

/** Viewers own no action items, so they see nothing here. */
export function MyActionItemsCard({ title = 'My open action items' }: { title?: string }) {
  const { isViewer } = useCheckinPermissions();
  return isViewer ? null : <MyActionItems title={title} />;
}

function MyActionItems({ title }: { title: string }) {
  const items = useMyActionItems();
  const { workspace } = useSession();
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {items.items.length > 0 ? (
          <Badge variant="light" color={items.items.some((a) => a.overdue) ? 'red' : 'indigo'}>
            {items.items.length}
            {items.hasMore ? '+' : ''} open
          </Badge>
        ) : null}
      </Group>
      {items.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(items.error)}
        </Alert>
      ) : items.isPending ? (
        <Skeleton h={80} />
      ) : items.items.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          Nothing open. Action items agreed in a check-in appear here until they are done.
        </Text>
      ) : (
        <Stack gap="sm">
          {items.items.map((a, i) => (
            <MyActionItem key={a.id} item={a} timeZone={workspace.timeZone} last={i === items.items.length - 1} />
          ))}
          <LoadMore list={items} />
        </Stack>
      )}
    </Card>
  );
}

function MyActionItem({ item, timeZone, last }: { item: ActionItemView; timeZone: string; last: boolean }) {
  const update = useUpdateActionItem();
  const set = (status: 'done' | 'dropped') =>
    update.mutate(
      { id: item.id, patch: { status } },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: status === 'done' ? `Done: ${item.title}` : `Dropped: ${item.title}` }),
        onError: (err) => notifications.show({ color: 'red', title: 'The action item was not changed', message: errorMessage(err) }),
      },
    );
  return (
    <Stack gap={4} pb="xs" style={last ? undefined : { borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="sm" fw={600}>
        {item.title}
      </Text>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap={6}>
          {item.overdue ? (
            <Badge color="red" variant="light" size="sm" radius="sm">
              Overdue · due {calendarDate(item.dueDate)}
            </Badge>
          ) : (
            <Text size="xs" c="dimmed">
              Due {calendarDate(item.dueDate)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            ·{' '}
            <Anchor component={Link} to={`/checkins/meetings/${item.meetingId}`} inherit>
              from the check-in of {meetingDayShort(item.meetingStart, timeZone)}
            </Anchor>
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" variant="light" color="teal" leftSection={<IconCheck size={14} aria-hidden />} loading={update.isPending && update.variables.patch.status === 'done'} onClick={() => set('done')} aria-label={`Done: ${item.title}`}>
            Done
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} loading={update.isPending && update.variables.patch.status === 'dropped'} onClick={() => set('dropped')} aria-label={`Drop: ${item.title}`}>
            Drop
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
