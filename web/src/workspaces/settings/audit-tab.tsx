import { Anchor, Button, Card, Code, Group, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditEntryView } from '../../api/types.js';
import { formatDateTime } from '../../shell/format.js';
import { usePermissions } from '../../shell/session.js';
import { MemberSelect } from '../member-picker.js';
import { useAuditKinds, useAuditLog, type AuditFilter } from '../queries.js';
import { MutationError } from '../../shell/mutation-error.js';

/** A local date's start as an instant, in the browser's zone (the filter's dates are the person's days). */
const startOf = (date: string): string | undefined => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const dayAfter = (date: string): string | undefined => {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

export function AuditTab() {
  const { isAdmin } = usePermissions();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: AuditFilter = {
    ...(memberId ? { memberId } : {}),
    ...(entityType ? { entityType } : {}),
    ...(startOf(from) ? { from: startOf(from)! } : {}),
    ...(dayAfter(to) ? { to: dayAfter(to)! } : {}),
  };
  const log = useAuditLog(filter);
  const kinds = useAuditKinds();
  const entries = log.items;
  const csv = `/api/v1/audit.csv?${new URLSearchParams(filter).toString()}`;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Every change to settings, members, invites, tokens, KPIs, publications and check-ins: who made it, when, and what it was before.
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <MemberSelect label="Person" placeholder="Anyone" value={memberId} onChange={setMemberId} clearable w={220} />
        <Select
          label="Kind"
          placeholder="Everything"
          data={(kinds.data?.kinds ?? []).map((k) => ({ value: k.entityType, label: k.kind }))}
          value={entityType}
          onChange={setEntityType}
          clearable
          clearButtonProps={{ 'aria-label': 'Show every kind' }}
          w={200}
        />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={160} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={160} />
        <Button component="a" href={csv} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          Export CSV
        </Button>
      </Group>
      <MutationError of={log} />
      <Card p={0}>
        {log.isPending ? (
          <Skeleton h={240} />
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" p="xl">
            {Object.keys(filter).length > 0 ? 'Nothing matches these filters.' : 'Nothing has been changed yet.'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={190}>When</Table.Th>
                  <Table.Th>What happened</Table.Th>
                  <Table.Th w={150}>Kind</Table.Th>
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
                      <Text size="sm" className="user-text">
                        {e.summary}
                      </Text>
                      {isAdmin ? <RawRecord entry={e} /> : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.kind}</Text>
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
          That is the whole log{Object.keys(filter).length > 0 ? ' for these filters' : ''}.
        </Text>
      ) : null}
    </Stack>
  );
}

/** The entry as stored, one click away, for admins: its code, the record's id and the changed fields as JSON. */
function RawRecord({ entry }: { entry: AuditEntryView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? 'Hide the record' : 'Show the record'}
      </Anchor>
      {open ? (
        <Code block fz="xs" mt={4} className="user-text">
          {JSON.stringify({ action: entry.action, entityType: entry.entityType, entityId: entry.entityId, actorMemberId: entry.actorMemberId, before: entry.before, after: entry.after }, null, 2)}
        </Code>
      ) : null}
    </>
  );
}
