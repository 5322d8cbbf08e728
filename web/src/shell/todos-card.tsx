// The dashboard's "What you owe" card: every room's to-dos for the signed-in member (GET /me/todos), high
// priority first, each a link to where it is done. A room that could not answer is named, not hidden.
import { Alert, Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import { formatLocalDate } from './format.js';
import { useMyTodos, type MyTodo } from './queries.js';

const ROOM_LABEL: Record<string, string> = { goals: 'Goals', checkins: 'Check-in', deals: 'Deals', messaging: 'Messaging', wins: 'Wins', shadowing: 'Shadowing' };


export function TodosCard() {
  const todos = useMyTodos();
  const items = todos.data?.todos ?? [];
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          What you owe
        </Title>
        {items.length > 0 ? (
          <Badge variant="light" color={items.some((x) => x.priority === 'high') ? 'red' : 'indigo'}>
            {items.length} to do
          </Badge>
        ) : null}
      </Group>
      {todos.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(todos.error)}
        </Alert>
      ) : !todos.data ? (
        <Skeleton h={80} />
      ) : (
        <Stack gap="sm">
          {todos.data.unavailable.map((u) => (
            <Alert key={u.room} color="yellow" role="status">
              {u.message}
            </Alert>
          ))}
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {todos.data.unavailable.length > 0 ? 'Nothing else is waiting on you.' : 'Nothing is waiting on you right now.'}
            </Text>
          ) : (
            items.map((item, i) => <TodoRow key={item.key} item={item} last={i === items.length - 1} />)
          )}
        </Stack>
      )}
    </Card>
  );
}

function TodoRow({ item, last }: { item: MyTodo; last: boolean }) {
  return (
    <Stack gap={2} pb="xs" style={last ? undefined : { borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Anchor component={Link} to={item.href} size="sm" fw={600}>
          {item.title}
        </Anchor>
        <Group gap={4} wrap="nowrap">
          {item.priority === 'high' ? (
            <Badge size="xs" color="red" variant="light">
              {item.due ? 'Overdue' : 'Others wait on it'}
            </Badge>
          ) : null}
          <Badge size="xs" color="gray" variant="outline">
            {ROOM_LABEL[item.room] ?? item.room}
          </Badge>
        </Group>
      </Group>
      {item.detail || item.due ? (
        <Text size="xs" c="dimmed">
          {[item.due ? `Due ${formatLocalDate(item.due)}` : null, item.detail].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
    </Stack>
  );
}
