// The workspace's last imports with their status (issue 11): a person sees what came in, when, by whom, and
// opens one to read its error report or finish it.
import { Anchor, Badge, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { NO_SHRINK } from '../goals/goal-badges.js';
import { LoadMore } from '../shell/load-more.js';
import { MutationError } from '../shell/mutation-error.js';
import { formatDateTime } from '../shell/format.js';
import { isBusy, STATUS_LABEL, useImports, type ImportView } from './import-queries.js';

function counts(i: ImportView): string {
  if (i.status === 'done') {
    const unchanged = i.rowsUnchanged > 0 ? `, ${i.rowsUnchanged.toLocaleString()} unchanged` : '';
    const skipped = i.rowsInvalid > 0 && i.mode === 'valid_rows' ? `, ${i.rowsInvalid.toLocaleString()} skipped` : '';
    return `${i.rowsInserted.toLocaleString()} new, ${i.rowsUpdated.toLocaleString()} updated${unchanged}${skipped}`;
  }
  if (i.rowsTotal === 0) return '—';
  return `${i.rowsTotal.toLocaleString()} rows${i.rowsInvalid > 0 ? `, ${i.rowsInvalid.toLocaleString()} with errors` : ''}`;
}

export function ImportHistory({ currentId, onOpen }: { currentId: string | null; onOpen: (id: string) => void }) {
  const probe = useImports(false);
  const list = useImports(probe.items.some((i) => isBusy(i.status)));
  return (
    <Card component="section" aria-labelledby="history-title" p={0}>
      <Stack gap={2} p="lg" pb="sm">
        <Title order={2} fz="lg" id="history-title">
          Recent imports
        </Title>
        <Text size="sm" c="dimmed">
          Every file uploaded to this workspace, newest first.
        </Text>
      </Stack>
      <MutationError of={list} />
      {list.isPending ? (
        <Skeleton h={120} m="lg" mt={0} />
      ) : list.items.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          No imports yet. The first file you upload shows here.
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing="xs" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>File</Table.Th>
                  <Table.Th visibleFrom="sm">Uploaded</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Rows</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((i) => {
                  const meta = STATUS_LABEL[i.status];
                  return (
                    <Table.Tr key={i.id} aria-current={i.id === currentId ? 'true' : undefined}>
                      <Table.Td maw={280}>
                        <Anchor component="button" type="button" size="sm" onClick={() => onOpen(i.id)} className="user-text" style={{ textAlign: 'left' }}>
                          {i.filename}
                        </Anchor>
                        <Text size="xs" c="dimmed" hiddenFrom="sm">
                          {formatDateTime(i.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{formatDateTime(i.createdAt)}</Text>
                        {i.createdBy ? (
                          <Text size="xs" c="dimmed">
                            by {i.createdBy.name}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge color={meta.color} variant="light" radius="sm" styles={NO_SHRINK}>
                            {meta.label}
                          </Badge>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{counts(i)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore list={list} />
        </>
      )}
    </Card>
  );
}
