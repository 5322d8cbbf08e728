// Why people buy (issue 12): the reasons deals are won and lost, ranked — the CRM's win and loss reasons and the
// pains behind won and lost evidence — with their amounts, their quarters, and the evidence by segment.
import { Alert, Badge, Card, Grid, Group, Progress, Select, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatAmount } from '../deals/deal-format.js';
import { QueryError } from '../goals/goal-badges.js';
import { formatLocalDate } from '../shell/format.js';
import { PageHeader } from '../shell/page-header.js';
import { MessagingNav } from './messaging-nav.js';
import { useWhy } from './pain-queries.js';
import type { ReasonView, WhyView } from './pain-types.js';

const RANGES = [
  { value: '4', label: 'Last 4 quarters' },
  { value: '8', label: 'Last 8 quarters' },
  { value: '12', label: 'Last 12 quarters' },
];

/** The first day of the quarter `back` quarters before this one. */
function quarterStart(back: number, now = new Date()): string {
  const index = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3) - back;
  return `${Math.floor(index / 4)}-${String((index % 4) * 3 + 1).padStart(2, '0')}-01`;
}

export function WhyPage() {
  const [range, setRange] = useState('4');
  const [segment, setSegment] = useState<string | null>(null);
  const why = useWhy({ from: quarterStart(Number(range) - 1), ...(segment ? { segment } : {}) });
  const data = why.data;
  return (
    <>
      <PageHeader
        title="Why people buy"
        description="The reasons deals are won and lost, most common first: the win and loss reasons recorded in the CRM, and the pains behind the won and lost evidence sales logged."
      />
      <MessagingNav />
      <Group gap="sm" mb="md" wrap="wrap">
        <Select aria-label="Period" data={RANGES} value={range} onChange={(v) => setRange(v ?? '4')} allowDeselect={false} w={190} />
        <Select
          aria-label="Segment"
          placeholder="All segments"
          data={data?.segmentOptions ?? []}
          value={segment}
          onChange={setSegment}
          clearable
          w={220}
          disabled={!data || (data.segmentOptions.length === 0 && !segment)}
        />
        {data ? (
          <Text size="sm" c="dimmed">
            {formatLocalDate(data.from)} – {formatLocalDate(data.to)}
          </Text>
        ) : null}
      </Group>
      {why.isError ? <QueryError error={why.error} title="Could not load the report" /> : null}
      {!data ? why.isError ? null : <Skeleton h={480} radius="md" /> : <Report why={data} />}
    </>
  );
}

function Report({ why }: { why: WhyView }) {
  const t = why.totals;
  const nothing = why.wins.length === 0 && why.losses.length === 0;
  return (
    <Stack gap="lg">
      {why.segment ? (
        <Alert variant="light" color="grape" p="sm">
          <Text size="sm">Only evidence of pains in the {why.segment} segment: CRM reasons carry no segment, so they are left out.</Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Total label="Deals won" value={t.wonDeals} help={t.wonDeals > 0 ? `${t.wonWithReason} with a reason` : undefined} />
        <Total label="Deals lost" value={t.lostDeals} help={t.lostDeals > 0 ? `${t.lostWithReason} with a reason` : undefined} />
        <Total label="Won evidence" value={t.wonEvidence} help="entries tied to a pain" />
        <Total label="Lost evidence" value={t.lostEvidence} help="entries tied to a pain" />
      </SimpleGrid>
      {nothing ? (
        <Card>
          <Stack align="center" gap={4} p="lg">
            <Text fw={500}>No win or loss reasons in this period</Text>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              Reasons come from the CRM's win and loss reason fields in the deal import, and from won and lost evidence sales ties to a pain.
            </Text>
          </Stack>
        </Card>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ReasonList title="Why we win" reasons={why.wins} quarters={why.quarters} color="teal" empty="No wins with a reason in this period." />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ReasonList title="Why we lose" reasons={why.losses} quarters={why.quarters} color="red" empty="No losses with a reason in this period." />
          </Grid.Col>
        </Grid>
      )}
      {why.segments.length > 0 ? (
        <section aria-labelledby="segments-heading">
          <Title order={2} fz="lg" id="segments-heading" mb="sm">
            By segment
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md">
            {why.segments.map((s) => (
              <Card key={s.segment}>
                <Text fw={600} mb="xs">
                  {s.segment}
                </Text>
                <SegmentReasons label="Wins" reasons={s.wins} color="teal" />
                <SegmentReasons label="Losses" reasons={s.losses} color="red" />
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ) : null}
    </Stack>
  );
}

function Total({ label, value, help }: { label: string; value: number; help?: string | undefined }) {
  return (
    <Card>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value.toLocaleString()}
      </Text>
      {help ? (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      ) : null}
    </Card>
  );
}

const SOURCE = { deal_reason: { label: 'CRM reason', color: 'blue' }, pain: { label: 'Pain', color: 'grape' } } as const;

function ReasonList({ title, reasons, quarters, color, empty }: { title: string; reasons: ReasonView[]; quarters: string[]; color: string; empty: string }) {
  const id = `why-${color}`;
  return (
    <Card component="section" aria-labelledby={id} h="100%">
      <Title order={2} fz="lg" id={id} mb="sm">
        {title}
      </Title>
      {reasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {reasons.map((r, i) => (
            <li key={`${r.source}:${r.key}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Group gap={8} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                  <Text size="sm" c="dimmed" fw={600} w={24} ta="right" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                    {i + 1}
                  </Text>
                  <div style={{ minWidth: 0 }}>
                    {r.source === 'pain' ? (
                      <Text component={Link} to={`/messaging/pains/${r.key}`} size="sm" fw={600} c="var(--mantine-color-anchor)" lineClamp={2}>
                        {r.label}
                      </Text>
                    ) : (
                      <Text size="sm" fw={600} lineClamp={2} className="user-text">
                        {r.label}
                      </Text>
                    )}
                    <Group gap={6} mt={2}>
                      <Badge size="xs" variant="light" color={SOURCE[r.source].color}>
                        {SOURCE[r.source].label}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {r.amount > 0 ? formatAmount(r.amount) : 'no amount'}
                      </Text>
                    </Group>
                  </div>
                </Group>
                <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                  <Text size="sm" fw={700}>
                    {r.count.toLocaleString()}
                  </Text>
                  <QuarterBars counts={r.byQuarter} quarters={quarters} color={color} />
                </Stack>
              </Group>
              <Tooltip label={`${Math.round(r.share * 100)}% of ${r.source === 'pain' ? 'the evidence' : 'the deals with a reason'} in this list`} withArrow>
                <Progress value={r.share * 100} color={color} size="sm" mt={6} ml={32} aria-label={`${Math.round(r.share * 100)}% share`} />
              </Tooltip>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function QuarterBars({ counts, quarters, color }: { counts: number[]; quarters: string[]; color: string }) {
  const max = Math.max(1, ...counts);
  const label = quarters.map((q, i) => `${q}: ${counts[i] ?? 0}`).join(', ');
  const w = 6;
  return (
    <svg width={counts.length * (w + 2)} height={16} role="img" aria-label={label}>
      <title>{label}</title>
      {counts.map((c, i) => {
        const h = c === 0 ? 1 : Math.max(3, (c / max) * 16);
        return <rect key={quarters[i]} x={i * (w + 2)} y={16 - h} width={w} height={h} rx={1} fill={c === 0 ? 'var(--mantine-color-gray-3)' : `var(--mantine-color-${color}-6)`} />;
      })}
    </svg>
  );
}

function SegmentReasons({ label, reasons, color }: { label: string; reasons: ReasonView[]; color: string }) {
  if (reasons.length === 0) return null;
  return (
    <Stack gap={4} mb="xs">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {reasons.slice(0, 3).map((r) => (
        <Group key={r.key} justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" lineClamp={1} component={Link} to={`/messaging/pains/${r.key}`} c="var(--mantine-color-text)">
            {r.label}
          </Text>
          <Badge size="sm" variant="light" color={color} style={{ flexShrink: 0 }}>
            {r.count}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
