// The dashboard's Getting started card: every room's steps to the first value (GET /me/getting-started), each done
// or not from what the workspace holds now, each a link to where it is done. Once every step is done, each member
// may put it away for themself; a room that could not answer is named, and the list then stays.
import { Alert, Anchor, Badge, Button, Card, Group, List, Progress, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheckFilled, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import { useDismissGettingStarted, useGettingStarted } from './queries.js';

export function GettingStartedCard() {
  const list = useGettingStarted();
  const dismiss = useDismissGettingStarted();
  if (list.isError) {
    return (
      <Alert color="red" title="Could not load Getting started" role="alert">
        {errorMessage(list.error)}
      </Alert>
    );
  }
  const data = list.data;
  if (!data || data.dismissedAt) return null;
  const { steps, done, total } = data;
  const allDone = total > 0 && done === total && data.unavailable.length === 0;
  return (
    <Card component="section" aria-labelledby="getting-started-heading">
      <Group justify="space-between" mb={4}>
        <Title order={2} fz="lg" id="getting-started-heading">
          Getting started
        </Title>
        <Badge variant="light" color={allDone ? 'teal' : 'indigo'}>
          {done} of {total} done
        </Badge>
      </Group>
      <Progress value={total === 0 ? 0 : (done / total) * 100} color="teal" size="sm" mb="md" aria-label={`${done} of ${total} steps done`} />
      {data.unavailable.map((u) => (
        <Alert key={u.room} color="yellow" role="status" mb="sm">
          {u.message}
        </Alert>
      ))}
      <List spacing="md" listStyleType="none" p={0}>
        {steps.map((s) => (
          <List.Item
            key={s.key}
            icon={
              <ThemeIcon color={s.done ? 'teal' : 'gray'} variant="transparent" size={24} aria-hidden>
                {s.done ? <IconCircleCheckFilled size={22} /> : <IconCircleDashed size={22} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" fw={600}>
              {s.title}
              <VisuallyHidden>{s.done ? ' (done)' : ' (to do)'}</VisuallyHidden>
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {s.detail}
            </Text>
            {!s.done ? (
              <Anchor component={Link} to={s.href} size="sm">
                {s.action}
              </Anchor>
            ) : null}
          </List.Item>
        ))}
      </List>
      {allDone ? (
        <Group justify="space-between" mt="md" gap="sm">
          <Text size="sm">Everything is set up: both teams' top threes are published, the check-in runs, and deals, buyer pains and wins are coming in.</Text>
          <Button size="xs" variant="default" loading={dismiss.isPending} onClick={() => dismiss.mutate()}>
            Dismiss
          </Button>
        </Group>
      ) : null}
      {dismiss.error ? (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(dismiss.error)}
        </Alert>
      ) : null}
    </Card>
  );
}
