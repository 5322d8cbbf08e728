import { Alert, Button, Card, Code, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { errorMessage } from '../../api/client.js';
import type { AuditEntryView } from '../../api/types.js';
import { formatDateTime } from '../../shell/format.js';
import { useAuditLog } from '../queries.js';

export function AuditTab() {
  const log = useAuditLog(true);
  const entries = log.items;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Every change to settings, members, invites and tokens — and later to KPIs, publications and reviews — with who made it and
        what it was before.
      </Text>
      {log.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(log.error)}
        </Alert>
      ) : null}
      <Card p={0}>
        {log.isPending ? (
          <Skeleton h={240} />
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" p="xl">
            Nothing has been changed yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={180}>Time</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Entity</Table.Th>
                  <Table.Th>Change</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(e.at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {e.actorName ?? 'System'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code color={`var(--mantine-color-${actionColor(e.action)}-light)`} c={`var(--mantine-color-${actionColor(e.action)}-light-color)`} style={{ whiteSpace: 'nowrap' }} fz="xs" fw={600}>
                        {e.action}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.entityType}</Text>
                      <Text size="xs" c="dimmed" ff="monospace" truncate maw={160} title={e.entityId}>
                        {e.entityId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ChangeSummary entry={e} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {log.hasMore ? (
        <Group justify="center">
          <Button variant="default" loading={log.isLoadingMore} onClick={log.loadMore}>
            Load more
          </Button>
        </Group>
      ) : entries.length > 0 ? (
        <Text size="xs" c="dimmed" ta="center">
          That is the whole log.
        </Text>
      ) : null}
    </Stack>
  );
}

function actionColor(action: string): string {
  if (/(deleted|revoked|removed|deactivated)/.test(action)) return 'red';
  if (/(created|added|accepted|signup|joined)/.test(action)) return 'teal';
  return 'indigo';
}

const compact = (v: unknown): string => {
  if (v === undefined) return '∅';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** before → after, as compact JSON, showing only the fields that changed when both sides are objects. */
function ChangeSummary({ entry }: { entry: AuditEntryView }) {
  const { before, after } = entry;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (keys.length === 0)
      return (
        <Text size="xs" c="dimmed">
          No field changed
        </Text>
      );
    return (
      <Stack gap={2}>
        {keys.slice(0, 6).map((k) => (
          <Text key={k} size="xs" ff="monospace">
            <b>{k}</b>: <Code>{compact(before[k])}</Code> → <Code>{compact(after[k])}</Code>
          </Text>
        ))}
        {keys.length > 6 ? (
          <Text size="xs" c="dimmed">
            and {keys.length - 6} more fields
          </Text>
        ) : null}
      </Stack>
    );
  }
  const lone = before == null ? after : after == null ? before : undefined;
  if (isRecord(lone)) {
    const entries = Object.entries(lone);
    return (
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {before == null ? 'Created with' : 'Removed; was'}
        </Text>
        {entries.slice(0, 5).map(([k, v]) => (
          <Text key={k} size="xs" ff="monospace">
            <b>{k}</b>: <Code>{compact(v)}</Code>
          </Text>
        ))}
        {entries.length > 5 ? (
          <Text size="xs" c="dimmed">
            and {entries.length - 5} more fields
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (before == null && after == null)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="xs" ff="monospace">
      {before != null ? <Code>{compact(before)}</Code> : <Text span c="dimmed">(none)</Text>} →{' '}
      {after != null ? <Code>{compact(after)}</Code> : <Text span c="dimmed">(none)</Text>}
    </Text>
  );
}
