// One deal, opened from the list in a drawer (its id in the address, ?deal=…, so a link or a reload opens it again):
// what the CRM says about it, why it was won or lost, who owns it and whether a member matches them, where it came
// from and which import last wrote it, and what cites it — the sales evidence naming it (and, with the wins room, its
// wins), each linking to where it is shown.
import { Alert, Anchor, Badge, Drawer, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import { formatDateTime, formatLocalDate } from '../shell/format.js';
import { calendarDate } from '../../../src/shared/calendar/index.js';
import { formatAmount, STATUS_META } from './deal-format.js';
import { useDeal } from './deals-queries.js';
import type { DealCitedBy } from './deals-types.js';

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

const KIND: Record<DealCitedBy['items'][number]['kind'], { label: string; color: string }> = {
  evidence: { label: 'Evidence', color: 'teal' },
  win: { label: 'Win', color: 'green' },
};

/** "3 pieces of evidence", "1 win", "2 pieces of evidence and 1 win". */
function citedSummary(c: DealCitedBy): string {
  const evidence = c.items.filter((i) => i.kind === 'evidence').length;
  const wins = c.items.filter((i) => i.kind === 'win').length;
  const parts = [evidence > 0 ? `${evidence} ${evidence === 1 ? 'piece' : 'pieces'} of evidence` : null, wins > 0 ? `${wins} ${wins === 1 ? 'win' : 'wins'}` : null].filter(Boolean);
  return parts.join(' and ');
}

function CitedBy({ citedBy }: { citedBy: DealCitedBy }) {
  const { items, total, unavailable } = citedBy;
  return (
    <Stack gap="xs" component="section" aria-labelledby="deal-cited-by">
      <Text id="deal-cited-by" size="xs" c="dimmed" tt="uppercase" fw={600}>
        Cited by
      </Text>
      {unavailable.map((u) => (
        <Alert key={u.room} color="orange" variant="light" p="xs">
          <Text size="sm">{u.message}</Text>
        </Alert>
      ))}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No evidence names this deal yet. When a rep logs what the buyer said and picks this deal (or types its CRM id), it shows here.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {total > items.length ? `The newest ${items.length} of ${total}.` : `${citedSummary(citedBy)}${items.length > 1 ? ', newest first' : ''}.`}
          </Text>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((c) => (
              <Stack key={`${c.kind}:${c.id}`} gap={2} component="li" style={{ borderLeft: '3px solid var(--mantine-color-default-border)', paddingLeft: 10 }}>
                <Group gap="xs" wrap="nowrap" justify="space-between" align="baseline">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge size="xs" variant="light" radius="sm" color={KIND[c.kind].color} style={{ flexShrink: 0 }}>
                      {KIND[c.kind].label}
                    </Badge>
                    <Anchor component={Link} to={c.href} size="sm" fw={600} className="user-text" truncate>
                      {c.title}
                    </Anchor>
                  </Group>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {formatLocalDate(c.date)}
                  </Text>
                </Group>
                {c.excerpt ? (
                  <Text size="sm" className="user-text" fs="italic">
                    “{c.excerpt}”
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" className="user-text">
                  {[c.about ? (c.kind === 'evidence' ? `Pain: ${c.about}` : c.about) : c.kind === 'evidence' ? 'No pain confirmed yet' : null, c.who ? `logged by ${c.who}` : null].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

export function DealDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const deal = useDeal(id);
  const d = deal.data;
  const cycle = d?.createdDate && d.closeDate && d.status !== 'open' ? calendarDate.daysBetween(d.createdDate, d.closeDate) : null;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="md" title="Deal" padding="lg" closeButtonProps={{ 'aria-label': 'Close the deal' }}>
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
          <CitedBy citedBy={d.citedBy} />
          <Text size="xs" c="dimmed">
            From {ORIGIN[d.origin] ?? d.origin}
            {d.lastImport ? ` — last written by the import of ${d.lastImport.filename}${d.lastImport.finishedAt ? ` on ${formatDateTime(d.lastImport.finishedAt)}` : ''}` : ''}. Updated {formatDateTime(d.updatedAt)}.
          </Text>
        </Stack>
      )}
    </Drawer>
  );
}
