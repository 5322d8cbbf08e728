// The dashboard's "What you owe" card: every room's to-dos for the signed-in member (GET /me/todos), high
// priority first, each a link to where it is done. A room that could not answer is named, not hidden.
import { Alert, Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import { formatLocalDate } from './format.js';
import { useMyTodos, type MyTodo } from './queries.js';
import { useSession } from './session.js';
import { todayIn } from '../checkins/format.js';

/** Badges keep their words whole in a row. */
const NO_SHRINK = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

const ROOM_LABEL: Record<string, string> = { goals: 'Goals', checkins: 'Check-in', deals: 'Deals', messaging: 'Messaging', wins: 'Wins', shadowing: 'Shadowing' };


export function TodosCard() {
  const todos = useMyTodos();
  const { workspace } = useSession();
  const today = todayIn(workspace.timeZone);
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
            items.map((item, i) => <TodoRow key={item.key} item={item} last={i === items.length - 1} today={today} />)
          )}
        </Stack>
      )}
    </Card>
  );
}

function TodoRow({ item, last, today }: { item: MyTodo; last: boolean; today: string }) {
  // High priority is either overdue or something others wait on (a date proposal to answer before its day).
  const overdue = item.due !== null && item.due < today;
  const detail = [item.due ? `Due ${formatLocalDate(item.due)}` : null, item.detail].filter(Boolean).join(' · ');
  return (
    <Stack gap={4} pb="xs" style={last ? undefined : { borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Anchor component={Link} to={item.href} size="sm" fw={600}>
        {item.title}
      </Anchor>
      {/* The marks go under the title, so a narrow column never cuts them to an ellipsis. */}
      <Group gap={6} wrap="wrap">
        {item.priority === 'high' ? (
          <Badge size="xs" color="red" variant="light" styles={NO_SHRINK}>
            {overdue ? 'Overdue' : 'Others wait on it'}
          </Badge>
        ) : null}
        <Badge size="xs" color="gray" variant="outline" styles={NO_SHRINK}>
          {ROOM_LABEL[item.room] ?? item.room}
        </Badge>
        {detail ? (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
