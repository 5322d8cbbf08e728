// The pain library (issue 12): the problems buyers describe in their own words, the most severe first, each with
// how much evidence sales has for it, the deals behind it, its win rate with an honest interval, and its trend.
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatAmount } from '../deals/deal-format.js';
import { NO_SHRINK } from '../goals/goal-badges.js';
import { formatLocalDate } from '../shell/format.js';
import { ListCard } from '../shell/list-card.js';
import { PageHeader } from '../shell/page-header.js';
import { MessagingNav } from './messaging-nav.js';
import { DIRECTION_COLOR, DIRECTION_LABEL, formatWinRate, SEVERITY_COLOR, SEVERITY_LABEL, winRateHelp } from './pain-format.js';
import { PainFormModal } from './pain-form-modal.js';
import { usePainPermissions } from './pain-permissions.js';
import { usePains } from './pain-queries.js';
import { PainSpark } from './pain-spark.js';
import type { PainView } from './pain-types.js';

type StatusFilter = 'active' | 'retired' | 'all';

export function PainsPage() {
  const { canEditPains } = usePainPermissions();
  const [creating, createModal] = useDisclosure(false);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = usePains({ status, q });
  const navigate = useNavigate();
  const total = list.first?.total;
  // A phone gets one card a pain instead of a table to scroll sideways.
  const narrow = useMediaQuery('(max-width: 48em)');

  return (
    <>
      <PageHeader
        title="Pains"
        description="The problems buyers describe, in their own words, with the evidence sales has logged for each: how often, on how much pipeline, and how those deals end."
        actions={
          canEditPains ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
              New pain
            </Button>
          ) : null
        }
      />
      <MessagingNav />
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <TextInput
            aria-label="Search pains"
            placeholder="Search statements, personas, segments, synonyms"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maxLength={100}
            style={{ flex: '1 1 280px', maxWidth: 420 }}
          />
          <Group gap="sm">
            {total !== undefined ? (
              <Text size="sm" c="dimmed">
                {total.toLocaleString()} {status === 'all' ? '' : status} pain{total === 1 ? '' : 's'}
                {q ? ` matching “${q}”` : ''}
              </Text>
            ) : null}
            <SegmentedControl
              aria-label="Which pains"
              size="sm"
              value={status}
              onChange={(v) => setStatus(v as StatusFilter)}
              data={[
                { value: 'active', label: 'Active' },
                { value: 'retired', label: 'Retired' },
                { value: 'all', label: 'All' },
              ]}
            />
          </Group>
        </Group>
        <ListCard
          list={list}
          skeletonHeight={360}
          emptyTitle={q ? 'No pain matches that search' : status === 'retired' ? 'No retired pains' : 'No pains yet'}
          emptyText={
            q
              ? 'Try another word, or search all pains.'
              : status === 'retired'
                ? 'Pains a leader retires show here, with their evidence kept.'
                : canEditPains
                  ? 'Add the first problem buyers describe, in their words, or log evidence and create the pain from there.'
                  : 'Sales and marketing add the problems buyers describe here.'
          }
        >
          {(items) => (narrow ? <PainCards pains={items} /> : <PainsTable pains={items} />)}
        </ListCard>
      </Stack>
      <PainFormModal pain={null} opened={creating} onClose={createModal.close} onCreated={(p) => void navigate(`/messaging/pains/${p.id}`)} />
    </>
  );
}

function PainsTable({ pains }: { pains: PainView[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={320}>Pain</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th ta="right">Evidence</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Deal amount
            </Table.Th>
            <Table.Th ta="right">
              <Tooltip label="Won ÷ (won + lost) of the linked deals, with the range the true rate likely lies in (Wilson 95%)" multiline w={260} withArrow>
                <span style={{ borderBottom: '1px dotted currentColor', cursor: 'help' }}>Win rate</span>
              </Tooltip>
            </Table.Th>
            <Table.Th>Last 12 months</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pains.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td maw={460}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/messaging/pains/${p.id}`} fw={600} size="sm" lineClamp={2} className="user-text">
                    {p.statement}
                  </Anchor>
                  {p.status === 'retired' ? (
                    <Badge size="xs" color="gray" variant="light" style={{ flexShrink: 0 }}>
                      Retired
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed" lineClamp={1} className="user-text">
                  {[p.persona, p.segment, p.emotion].filter(Boolean).join(' · ') || 'No persona or segment yet'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={SEVERITY_COLOR[p.severity]} variant="light" radius="sm" tt="none" styles={NO_SHRINK}>
                  {p.severity} · {SEVERITY_LABEL[p.severity]}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600}>
                  {p.evidence.count.toLocaleString()}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {p.evidence.lastDate ? `last ${formatLocalDate(p.evidence.lastDate)}` : 'none yet'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {p.evidence.amount > 0 ? formatAmount(p.evidence.amount) : '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip label={winRateHelp(p.evidence)} multiline w={260} withArrow>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }} tabIndex={0}>
                    {formatWinRate(p.evidence.winRate)}
                  </Text>
                </Tooltip>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {p.evidence.deals.won + p.evidence.deals.lost > 0 ? `${p.evidence.deals.won} won · ${p.evidence.deals.lost} lost` : 'no decided deals'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <PainSpark trend={p.evidence.trend} />
                  {p.evidence.count > 0 ? (
                    <Text size="xs" c={DIRECTION_COLOR[p.evidence.trend.direction]} fw={500}>
                      {DIRECTION_LABEL[p.evidence.trend.direction]}
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PainCards({ pains }: { pains: PainView[] }) {
  return (
    <Stack gap={0}>
      {pains.map((p, i) => (
        <Stack key={p.id} gap={6} p="md" style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/messaging/pains/${p.id}`} fw={600} size="sm" className="user-text">
              {p.statement}
            </Anchor>
            <Badge color={SEVERITY_COLOR[p.severity]} variant="light" radius="sm" tt="none" styles={NO_SHRINK}>
              {p.severity} · {SEVERITY_LABEL[p.severity]}
            </Badge>
          </Group>
          {p.persona || p.segment ? (
            <Text size="xs" c="dimmed" className="user-text">
              {[p.persona, p.segment].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs">
              <b>{p.evidence.count.toLocaleString()}</b> {p.evidence.count === 1 ? 'entry' : 'entries'}
              {p.evidence.amount > 0 ? ` · ${formatAmount(p.evidence.amount)}` : ''} · win {formatWinRate(p.evidence.winRate)}
            </Text>
            <PainSpark trend={p.evidence.trend} width={72} height={20} />
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
