// One deal, opened from the list in a drawer (its id in the address, ?deal=…, so a link or a reload opens it again):
// what the CRM says about it, why it was won or lost, who owns it and whether a member matches them, where it came
// from and which import last wrote it.
import { Alert, Badge, Drawer, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.js';
import { formatDateTime, formatLocalDate } from '../shell/format.js';
import { calendarDate } from '../../../src/shared/calendar/index.js';
import { formatAmount, STATUS_META } from './deal-format.js';
import { useDeal } from './deals-queries.js';

const ORIGIN: Record<string, string> = { hubspot: 'HubSpot export', salesforce: 'Salesforce export', mapped: 'CSV mapped by hand', webhook: 'Webhook', demo: 'Demo data' };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="user-text" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function DealDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const deal = useDeal(id);
  const d = deal.data;
  const cycle = d?.createdDate && d.closeDate && d.status !== 'open' ? calendarDate.daysBetween(d.createdDate, d.closeDate) : null;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="md" title={d ? 'Deal' : 'Deal'} padding="lg">
      {deal.isError ? (
        <Alert color="red" title="Could not open this deal">
          {errorMessage(deal.error)}
        </Alert>
      ) : !d ? (
        <Skeleton h={320} />
      ) : (
        <Stack gap="lg">
          <Stack gap={6}>
            <Title order={2} fz="lg" className="user-text">
              {d.name}
            </Title>
            <Group gap="xs">
              <Badge color={STATUS_META[d.status].color} variant="light" radius="sm">
                {STATUS_META[d.status].label}
              </Badge>
              <Text size="sm" c="dimmed" className="user-text">
                {d.stage}
              </Text>
              {d.marketingSourced ? (
                <Badge color="grape" variant="light" radius="sm">
                  Marketing-sourced
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
            <Fact label="Amount">{formatAmount(d.amount, d.currency)}</Fact>
            <Fact label={d.status === 'open' ? 'Expected close' : 'Closed'}>{d.closeDate ? formatLocalDate(d.closeDate) : '—'}</Fact>
            <Fact label="Created">{d.createdDate ? formatLocalDate(d.createdDate) : '—'}</Fact>
            <Fact label="Sales cycle">{cycle === null ? '—' : `${cycle} ${cycle === 1 ? 'day' : 'days'}`}</Fact>
            <Fact label="Owner">
              {d.owner.memberName ?? d.owner.name ?? '—'}
              {d.owner.memberId === null && d.owner.name ? (
                <Text size="xs" c="orange.8">
                  No member matches “{d.owner.name}”: map the owner on the next import.
                </Text>
              ) : d.owner.name && d.owner.memberName && d.owner.name !== d.owner.memberName ? (
                <Text size="xs" c="dimmed">
                  Exported as “{d.owner.name}”
                </Text>
              ) : null}
            </Fact>
            <Fact label="Source">{d.source ?? 'None in the export'}</Fact>
            <Fact label="Pipeline">{d.pipeline ?? '—'}</Fact>
            <Fact label="CRM id">{d.externalId}</Fact>
          </SimpleGrid>
          {d.winReason || d.lossReason ? (
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {d.status === 'won' ? 'Why we won' : d.status === 'lost' ? 'Why we lost' : 'Reason'}
              </Text>
              <Text size="sm" className="user-text">
                {d.winReason ?? d.lossReason}
              </Text>
            </Stack>
          ) : d.status !== 'open' ? (
            <Text size="sm" c="dimmed">
              The export gave no {d.status === 'won' ? 'win' : 'loss'} reason.
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            From {ORIGIN[d.origin] ?? d.origin}
            {d.lastImport ? ` — last written by the import of ${d.lastImport.filename}${d.lastImport.finishedAt ? ` on ${formatDateTime(d.lastImport.finishedAt)}` : ''}` : ''}. Updated {formatDateTime(d.updatedAt)}.
          </Text>
        </Stack>
      )}
    </Drawer>
  );
}
