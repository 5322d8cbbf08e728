// The Deals view (SPEC S7, issue 11): the deals imported from the CRM — what is open, won and lost this quarter by the
// same formulas as the KPIs, the marketing-source rule in plain words, and the list itself: searched as you type,
// filtered by stage, owner, source, status, period and amount, paged with "Load more", downloadable exactly as
// filtered, each deal opening in a drawer. A workspace with no deals is led to the import.
import { Anchor, Badge, Button, Card, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconCoin, IconFileImport, IconFilter, IconSearch, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DownloadCsvButton } from '../shell/download-csv-button.js';
import { formatLocalDate } from '../shell/format.js';
import { LoadMore } from '../shell/load-more.js';
import { MutationError } from '../shell/mutation-error.js';
import { PageHeader } from '../shell/page-header.js';
import { useSession } from '../shell/session.js';
import { closedInOptions, formatAmount, formatCompactAmount, STATUS_META } from './deal-format.js';
import { DealDrawer } from './deal-drawer.js';
import { dealQueryString, useDealFacets, useDeals, useDealSummary } from './deals-queries.js';
import { NO_FILTERS, type DealFacetsView, type DealFilterState, type DealStatus, type DealView } from './deals-types.js';
import { MarketingRuleCard } from './marketing-rule-card.js';

/** Badges here never shrink to an ellipsis in a table cell. */
const NO_SHRINK = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function DealsPage() {
  const [params, setParams] = useSearchParams();
  const openId = params.get('deal');
  const facets = useDealFacets();
  const empty = facets.data?.total === 0;
  return (
    <>
      <PageHeader
        title="Deals"
        description="The deals imported from your CRM: why they were won or lost, who owns them, where they came from. The KPIs measured from deals are computed from these."
        actions={
          <Button component={Link} to="/deals/import" leftSection={<IconFileImport size={16} aria-hidden />}>
            Import deals
          </Button>
        }
      />
      <Stack gap="lg">
        <MutationError of={facets} />
        {facets.isPending ? (
          <Skeleton h={320} radius="md" />
        ) : empty ? (
          <NoDeals />
        ) : facets.data ? (
          <>
            <SummaryStrip />
            <MarketingRuleCard />
            <DealsList facets={facets.data} onOpen={(id) => setParams({ deal: id })} />
          </>
        ) : null}
        {empty ? <MarketingRuleCard /> : null}
      </Stack>
      <DealDrawer id={openId} onClose={() => setParams({})} />
    </>
  );
}

function NoDeals() {
  return (
    <Card p="xl">
      <Group gap="lg" align="flex-start" wrap="nowrap">
        <ThemeIcon size={56} radius="xl" variant="light" color="teal" aria-hidden visibleFrom="xs">
          <IconCoin size={30} />
        </ThemeIcon>
        <Stack gap="sm">
          <Title order={2} fz="lg">
            No deals yet
          </Title>
          <Text size="sm" maw={640}>
            Export your deals from HubSpot (Deals → Export) or an opportunities report from Salesforce as CSV and import it here. Lockstep checks every row first and shows what it found before anything is written; the KPIs measured from deals — pipeline, win rate, revenue closed — then fill themselves in.
          </Text>
          <Group>
            <Button component={Link} to="/deals/import" leftSection={<IconFileImport size={16} aria-hidden />}>
              Import deals
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Card p={{ base: 'sm', sm: 'md' }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} lh={1.3} style={{ fontSize: 'clamp(18px, 4.6vw, 26px)' }}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Card>
  );
}

/** Open pipeline, and this fiscal quarter's revenue closed and win rate as the KPIs compute them. */
function SummaryStrip() {
  const summary = useDealSummary();
  const s = summary.data;
  if (summary.isError) return <MutationError of={summary} />;
  if (!s) return <Skeleton h={96} radius="md" />;
  const closed = s.quarter.won + s.quarter.lost;
  return (
    <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
      <Stat label="Open pipeline" value={formatCompactAmount(s.openPipeline.amount, s.currency)} detail={`${s.openPipeline.deals.toLocaleString()} open ${s.openPipeline.deals === 1 ? 'deal' : 'deals'}`} />
      <Stat label={`Won in ${s.quarter.label}`} value={formatCompactAmount(s.quarter.revenueClosed, s.currency)} detail={`${s.quarter.won.toLocaleString()} ${s.quarter.won === 1 ? 'deal' : 'deals'} closed-won this quarter`} />
      <Stat
        label={`Win rate, ${s.quarter.label}`}
        value={s.quarter.winRate === null ? '—' : `${s.quarter.winRate}%`}
        detail={closed === 0 ? 'No deal closed yet this quarter' : `${s.quarter.won} won of ${closed.toLocaleString()} closed (won + lost)`}
      />
    </SimpleGrid>
  );
}

const STATUS_CHOICES = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

function DealsList({ facets, onOpen }: { facets: DealFacetsView; onOpen: (id: string) => void }) {
  const { workspace } = useSession();
  const [filters, setFilters] = useState<DealFilterState>(NO_FILTERS);
  const [q] = useDebouncedValue(filters.q, 300);
  const applied = useMemo(() => ({ ...filters, q }), [filters, q]);
  const list = useDeals(applied);
  // At phone width only the search shows until the person opens the other filters.
  const phone = useMediaQuery('(max-width: 48em)');
  const [moreFilters, setMoreFilters] = useState(false);
  const set = (patch: Partial<DealFilterState>) => setFilters((f) => ({ ...f, ...patch }));
  const periods = useMemo(() => closedInOptions({ timeZone: workspace.timeZone, weekStart: workspace.weekStart, fiscalYearStartMonth: workspace.fiscalYearStartMonth }), [workspace]);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const activeFilters = [filters.stage.length > 0, filters.owner, filters.source, filters.status, filters.marketingSourced, filters.closedIn, filters.amountMin !== null || filters.amountMax !== null].filter(Boolean).length;
  // The CSV takes the list's own query string (a stage list repeats its parameter).
  const csvQuery = dealQueryString(applied);

  return (
    <Card component="section" aria-labelledby="deals-list" p={0}>
      <Stack gap="sm" p="lg" pb="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <div>
            <Title order={2} fz="lg" id="deals-list">
              All deals
            </Title>
            <Text size="sm" c="dimmed">
              {facets.total.toLocaleString()} in the workspace · newest close date first
            </Text>
          </div>
          <Group gap="xs">
            {filtered ? (
              <Button variant="subtle" size="sm" leftSection={<IconX size={14} aria-hidden />} onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            ) : null}
            <DownloadCsvButton path={csvQuery ? `/deals.csv?${csvQuery}` : '/deals.csv'} what={filtered ? 'the filtered deals' : 'every deal'} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label="Search"
            placeholder="Deal, CRM id or owner"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filters.q}
            maxLength={100}
            onChange={(e) => set({ q: e.currentTarget.value })}
          />
          {phone && !moreFilters ? (
            <Button variant="default" size="sm" leftSection={<IconFilter size={16} aria-hidden />} onClick={() => setMoreFilters(true)}>
              {activeFilters > 0 ? `Filters (${activeFilters})` : 'Filters'}
            </Button>
          ) : null}
          {phone && !moreFilters ? null : (
            <>
            <MultiSelect label="Stage" placeholder={filters.stage.length ? undefined : 'Any stage'} data={facets.stages.map((s) => ({ value: s.value, label: `${s.value} (${s.deals.toLocaleString()})` }))} value={filters.stage} onChange={(stage) => set({ stage })} searchable clearable maxValues={50} />
            <Select
              label="Owner"
              placeholder="Anyone"
              data={facets.owners.map((o) => ({ value: o.memberId ?? 'unmatched', label: `${o.name} (${o.deals.toLocaleString()})` }))}
              value={filters.owner}
              onChange={(owner) => set({ owner })}
              searchable
              clearable
            />
            <Select label="Closed in" placeholder="Any time" data={periods} value={filters.closedIn} onChange={(closedIn) => set({ closedIn })} clearable />
            <Select
              label="Source"
              placeholder="Any source"
              data={facets.sources.map((s) => ({ value: s.value, label: `${s.value} (${s.deals.toLocaleString()})${s.marketing ? ' · marketing' : ''}` }))}
              value={filters.source}
              onChange={(source) => set({ source })}
              searchable
              clearable
            />
            <Select
              label="Marketing-sourced"
              placeholder="Either"
              data={[
                { value: 'true', label: 'Marketing-sourced only' },
                { value: 'false', label: 'Not marketing-sourced' },
              ]}
              value={filters.marketingSourced}
              onChange={(v) => set({ marketingSourced: v === 'true' || v === 'false' ? v : null })}
              clearable
            />
            <Group gap="xs" grow wrap="nowrap" align="flex-end">
              <NumberInput label="Amount from" placeholder="$0" prefix="$" thousandSeparator="," min={0} max={10_000_000_000} allowNegative={false} decimalScale={2} value={filters.amountMin ?? ''} onChange={(v) => set({ amountMin: typeof v === 'number' ? v : null })} />
              <NumberInput label="to" placeholder="any" prefix="$" thousandSeparator="," min={0} max={10_000_000_000} allowNegative={false} decimalScale={2} value={filters.amountMax ?? ''} onChange={(v) => set({ amountMax: typeof v === 'number' ? v : null })} />
            </Group>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="deal-status-label">
                Status
              </Text>
              <SegmentedControl aria-labelledby="deal-status-label" data={STATUS_CHOICES} value={filters.status ?? 'all'} onChange={(v) => set({ status: v === 'all' ? null : (v as DealStatus) })} fullWidth />
            </Stack>
            </>
          )}
        </SimpleGrid>
      </Stack>
      <MutationError of={list} />
      {list.isPending ? (
        list.isError ? null : <Skeleton h={300} />
      ) : list.items.length === 0 ? (
        <Stack align="center" gap={4} p="xl">
          <Text fw={500}>No deal matches these filters</Text>
          <Text size="sm" c="dimmed">
            Change or clear the filters to see more.
          </Text>
        </Stack>
      ) : (
        <>
          <DealsTable deals={list.items} onOpen={onOpen} />
          <DealCards deals={list.items} onOpen={onOpen} />
          <LoadMore list={list} />
        </>
      )}
    </Card>
  );
}

function StatusBadge({ status }: { status: DealStatus }) {
  return (
    <Badge color={STATUS_META[status].color} variant="light" radius="sm" styles={NO_SHRINK}>
      {STATUS_META[status].label}
    </Badge>
  );
}

function Owner({ d }: { d: DealView }) {
  if (d.owner.memberId)
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {d.owner.memberName ?? d.owner.name}
      </Text>
    );
  if (!d.owner.name) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" className="user-text">
        {d.owner.name}
      </Text>
      <Tooltip label="No member matches this owner. Map them to a member on the next import." multiline w={240} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Badge color="orange" variant="outline" radius="sm" size="sm" tabIndex={0} styles={NO_SHRINK} style={{ cursor: 'help' }}>
          Unmatched
        </Badge>
      </Tooltip>
    </Group>
  );
}

function Source({ d }: { d: DealView }) {
  if (!d.source) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" className="user-text">
        {d.source}
      </Text>
      {d.marketingSourced ? (
        <Badge color="grape" variant="light" radius="sm" size="sm" styles={NO_SHRINK}>
          Marketing
        </Badge>
      ) : null}
    </Group>
  );
}

const reasonOf = (d: DealView) => d.winReason ?? d.lossReason ?? null;

function DealsTable({ deals, onOpen }: { deals: DealView[]; onOpen: (id: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={1080} visibleFrom="sm">
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={240}>Deal</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Close date</Table.Th>
            <Table.Th miw={200}>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td maw={320}>
                <Anchor component="button" type="button" fw={600} size="sm" ta="left" onClick={() => onOpen(d.id)} className="user-text">
                  {d.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.externalId}
                </Text>
              </Table.Td>
              <Table.Td miw={130}>
                <Text size="sm">{d.stage}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={d.status} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {formatAmount(d.amount, d.currency)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Owner d={d} />
              </Table.Td>
              <Table.Td>
                <Source d={d} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {d.closeDate ? formatLocalDate(d.closeDate) : '—'}
                </Text>
              </Table.Td>
              <Table.Td maw={280}>
                <Text size="sm" c={reasonOf(d) ? undefined : 'dimmed'} lineClamp={2} className="user-text">
                  {reasonOf(d) ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** At phone width, a deal a row: what it is, its status and amount, then owner, source and close date. */
function DealCards({ deals, onOpen }: { deals: DealView[]; onOpen: (id: string) => void }) {
  return (
    <Stack gap={0} hiddenFrom="sm" role="list" aria-label="Deals">
      {deals.map((d) => (
        <Stack key={d.id} gap={4} px="md" py="sm" role="listitem" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Anchor component="button" type="button" fw={600} size="sm" ta="left" onClick={() => onOpen(d.id)} className="user-text" style={{ minWidth: 0 }}>
              {d.name}
            </Anchor>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {formatAmount(d.amount, d.currency)}
            </Text>
          </Group>
          <Group gap={6} wrap="wrap">
            <StatusBadge status={d.status} />
            <Text size="xs" c="dimmed" className="user-text">
              {d.stage}
              {d.closeDate ? ` · ${d.status === 'open' ? 'closes' : 'closed'} ${formatLocalDate(d.closeDate)}` : ''}
            </Text>
          </Group>
          <Group gap="md" wrap="wrap">
            <Owner d={d} />
            <Source d={d} />
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
