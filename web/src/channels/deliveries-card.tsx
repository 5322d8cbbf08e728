// The deliveries through the workspace's channels, newest first: what went out, what is waiting, and the dead
// letters with their error and a Retry.
import { Badge, Button, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadMore } from '../shell/load-more.js';
import { MutationError } from '../shell/mutation-error.js';
import { formatDateTime, formatRelative } from '../shell/format.js';
import classes from './channels.module.css';
import { useDeliveries, useRetryDelivery } from './queries.js';
import { KIND_LABELS, type DeliveryView } from './types.js';

const STATUS: Record<DeliveryView['status'], { label: string; color: string }> = {
  sent: { label: 'Sent', color: 'teal' },
  pending: { label: 'Retrying', color: 'yellow' },
  sending: { label: 'Sending', color: 'blue' },
  dead: { label: 'Dead letter', color: 'red' },
};

export function DeliveriesCard() {
  const [only, setOnly] = useState<'all' | 'dead'>('all');
  const list = useDeliveries(only === 'dead' ? 'dead' : null);
  const retry = useRetryDelivery();

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          Deliveries
        </Title>
        <SegmentedControl
          size="xs"
          aria-label="Which deliveries"
          value={only}
          onChange={(v) => setOnly(v === 'dead' ? 'dead' : 'all')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'dead', label: 'Dead letters' },
          ]}
        />
      </Group>
      <MutationError of={list} />
      <MutationError of={retry} />
      <Card p={0}>
        {list.isPending ? (
          <Skeleton h={120} />
        ) : list.items.length === 0 ? (
          <Stack align="center" gap={4} p="lg">
            <Text fw={500}>{only === 'dead' ? 'No dead letters' : 'Nothing sent yet'}</Text>
            <Text size="sm" c="dimmed">
              {only === 'dead' ? 'Every message was delivered or is still being tried.' : 'Messages appear here as they go out through the channels.'}
            </Text>
          </Stack>
        ) : (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" horizontalSpacing="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th>Message</Table.Th>
                    <Table.Th miw={130}>Status</Table.Th>
                    <Table.Th>Error</Table.Th>
                    <Table.Th w={100} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Text size="sm" title={formatDateTime(d.createdAt)} style={{ whiteSpace: 'nowrap' }}>
                          {formatRelative(d.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {d.channelName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {d.recipient ?? KIND_LABELS[d.channelKind]}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={300}>
                        <Text size="sm" lineClamp={2}>
                          {d.summary}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS[d.status].color} variant="light" size="sm" style={{ overflow: 'visible' }}>
                          {STATUS[d.status].label}
                        </Badge>
                        <Text size="xs" c="dimmed" mt={2}>
                          {d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={280}>
                        {d.lastError ? (
                          <Text size="xs" c={d.status === 'dead' ? undefined : 'dimmed'} className={d.status === 'dead' ? classes.errorText : undefined} style={{ overflowWrap: 'anywhere' }}>
                            {d.lastError}
                          </Text>
                        ) : (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {d.status === 'dead' ? (
                          <Button
                            size="xs"
                            variant="default"
                            leftSection={<IconRefresh size={14} aria-hidden />}
                            loading={retry.isPending && retry.variables === d.id}
                            aria-label={`Retry “${d.summary}” to ${d.channelName}`}
                            onClick={() => retry.mutate(d.id, { onSuccess: () => notifications.show({ color: 'teal', message: 'Sending it again now.' }) })}
                          >
                            Retry
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore list={list} />
          </>
        )}
      </Card>
    </Stack>
  );
}
