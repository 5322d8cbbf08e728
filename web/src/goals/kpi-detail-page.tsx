import { Anchor, Button, Card, Group, NumberInput, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../shell/format.js';
import { LoadMore } from '../shell/load-more.js';
import { PageHeader } from '../shell/page-header.js';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { TeamBadge } from '../workspaces/team-badge.js';
import { measureProblem, valueDateProblem, valueDateWindow } from '../../../src/capabilities/goals/domain/kpi-input-rules.js';
import { DATA_SOURCE_LABEL, DIRECTION_LABEL, formatKpiValue, formatTarget, fromApiValue, rangeHint, STATUS_META, toApiValue, tone, UNIT_LABEL } from './format.js';
import { ComputedValuesCard } from './computed-values-card.js';
import { CompBadge, QueryError, SharedBadge } from './goal-badges.js';
import { GoalsNav } from './goals-nav.js';
import { KpiFormModal } from './kpi-form-modal.js';
import { useGoalsPermissions } from './permissions.js';
import { useKpi, useKpiValues, usePasteValues, useRecordValues } from './queries.js';
import { ShareActions } from './share-actions.js';
import type { KpiDetailView, KpiView } from './types.js';
import { MutationError } from '../shell/mutation-error.js';
import { DownloadCsvButton } from '../shell/download-csv-button.js';

// Recharts is big; only this page needs it, so it loads with the page's first chart.
const TrendChart = lazy(() => import('./trend-chart.js'));

export function KpiDetailPage() {
  const { id = '' } = useParams();
  const detail = useKpi(id);
  const { canEdit: mayEdit } = useGoalsPermissions();
  const [editing, editModal] = useDisclosure(false);
  const kpi = detail.data?.kpi;
  const canEdit = kpi ? mayEdit(kpi.team) : false;

  return (
    <>
      <Anchor component={Link} to="/goals/kpis" size="sm" underline="hover" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden /> All KPIs
      </Anchor>
      <PageHeader
        title={kpi?.name ?? 'KPI'}
        description={kpi ? `${TEAM_LABEL[kpi.team]} KPI · ${kpi.kindName} · ${UNIT_LABEL[kpi.unit]} · ${DIRECTION_LABEL[kpi.direction].toLowerCase()}` : 'Loading…'}
        actions={
          canEdit ? (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={editModal.open}>
              Edit KPI
            </Button>
          ) : null
        }
      />
      <GoalsNav />
      {detail.isError ? <QueryError error={detail.error} title="Could not load the KPI" /> : null}
      {!detail.data ? (
        detail.isError ? null : <Skeleton h={400} radius="md" />
      ) : (
        <KpiDetail detail={detail.data} canEdit={canEdit} />
      )}
      {kpi && canEdit ? <KpiFormModal team={kpi.team} kpi={kpi} opened={editing} onClose={editModal.close} /> : null}
    </>
  );
}

function KpiDetail({ detail, canEdit }: { detail: KpiDetailView; canEdit: boolean }) {
  const { kpi } = detail;
  const meta = STATUS_META[kpi.current.status];
  const lastMeta = kpi.current.lastClosed ? STATUS_META[kpi.current.lastClosed.status] : null;
  const computed = kpi.dataSource === 'deals';
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label={`Status · ${kpi.current.period.label}`}>
          {kpi.current.lastClosed ? (
            <>
              <Text fw={700} size="lg">
                No value yet this period
              </Text>
              <Text size="sm" fw={600} style={lastMeta && lastMeta.color !== 'gray' ? tone(lastMeta.color) : undefined}>
                {kpi.current.lastClosed.period.label}: {lastMeta?.label}
              </Text>
            </>
          ) : (
            <Text fw={700} size="lg" style={meta.color === 'gray' ? undefined : tone(meta.color)}>
              {meta.label}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {kpi.current.explanation}
          </Text>
        </Fact>
        <Fact label="Target">
          <Text fw={700} size="lg">
            {formatTarget(kpi.target, kpi.unit, kpi.direction, kpi.period)}
          </Text>
          <Text size="xs" c="dimmed">
            Baseline {formatKpiValue(kpi.baseline, kpi.unit, { compact: true })}
          </Text>
        </Fact>
        <Fact label="This period so far">
          <Text fw={700} size="lg">
            {formatKpiValue(kpi.current.actual, kpi.unit)}
          </Text>
          <Text size="xs" c="dimmed">
            {kpi.current.projected !== null
              ? `Projected ${formatKpiValue(kpi.current.projected, kpi.unit)} by the end`
              : kpi.current.lastClosed
                ? `No value yet; ${kpi.current.lastClosed.period.label} closed at ${formatKpiValue(kpi.current.lastClosed.actual, kpi.unit)}`
                : 'No projection yet'}
          </Text>
        </Fact>
        <Fact label="Ownership and pay">
          <Group gap={6} mb={4}>
            <TeamBadge team={kpi.team} />
            {kpi.rank ? (
              <Text size="sm" fw={600}>
                #{kpi.rank} in the top three
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Not ranked
              </Text>
            )}
          </Group>
          <Group gap={6}>
            <CompBadge compensated={kpi.compensated} weight={kpi.compWeight} />
            {kpi.shared ? <SharedBadge /> : null}
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            Owner: {kpi.ownerName ?? 'nobody yet'}
          </Text>
        </Fact>
      </SimpleGrid>

      <Card component="section" aria-labelledby="measured-heading">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} fz="lg" id="measured-heading" mb={4}>
            How it's measured
          </Title>
          <ShareActions kpi={kpi} />
        </Group>
        <Text size="sm">{kpi.measurement.trim() || 'Not defined yet: a KPI needs a measurement before it can be in the top three.'}</Text>
        <Text size="xs" c="dimmed" mt="xs">
          Data source: {DATA_SOURCE_LABEL[kpi.dataSource] ?? kpi.dataSource}
        </Text>
      </Card>

      <TrendCard detail={detail} />

      <SimpleGrid cols={{ base: 1, lg: canEdit || computed ? 2 : 1 }} spacing="lg">
        <ValuesTable detail={detail} />
        {/* A KPI computed from deals takes no typed values (the server refuses them): where they come from instead. */}
        {computed ? (
          <div>
            <ComputedValuesCard kpi={kpi} canEdit={canEdit} />
          </div>
        ) : canEdit ? (
          <Stack gap="lg">
            <RecordValueCard kpi={kpi} />
            <PasteValuesCard kpi={kpi} />
          </Stack>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card padding="md">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
        {label}
      </Text>
      {children}
    </Card>
  );
}

function TrendCard({ detail }: { detail: KpiDetailView }) {
  const { kpi, trend } = detail;
  const data = trend.map((t) => ({ period: t.period.label, Actual: t.actual === null ? null : fromApiValue(t.actual, kpi.unit) }));
  const target = kpi.target === null ? null : fromApiValue(kpi.target, kpi.unit);
  const format = (v: number) => formatKpiValue(kpi.unit === 'currency' ? v * 100 : v, kpi.unit, { compact: true });
  const withValues = trend.filter((t) => t.actual !== null);
  const met = trend.filter((t) => t.status === 'on_track').length;
  const summary = `${kpi.name}, last ${trend.length} ${kpi.period}s: ${withValues.length} with values, ${met} on track${target !== null ? `; target ${formatTarget(kpi.target, kpi.unit, kpi.direction, kpi.period)}` : ''}.`;
  return (
    <Card component="section" aria-labelledby="trend-heading">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} fz="lg" id="trend-heading">
          Last {trend.length} {kpi.period}s
        </Title>
        <Group gap="md">
          {target !== null ? (
            <Group gap={6} wrap="nowrap">
              <span aria-hidden style={{ width: 22, borderTop: '2px dashed var(--mantine-color-red-7)' }} />
              <Text size="sm" c="dimmed">
                Target {formatTarget(kpi.target, kpi.unit, kpi.direction, kpi.period)}
              </Text>
            </Group>
          ) : null}
          <Text size="sm" c="dimmed">
            {met} of {trend.length} on track
          </Text>
        </Group>
      </Group>
      {withValues.length === 0 ? (
        <Text size="sm" c="dimmed">
          No values recorded in these periods yet.
        </Text>
      ) : (
        <Suspense fallback={<Skeleton h={280} />}>
          <TrendChart summary={summary} data={data} color={`${TEAM_COLOR[kpi.team]}.6`} target={target} format={format} />
        </Suspense>
      )}
      <Group gap={4} mt="sm" wrap="wrap" aria-hidden>
        {trend.map((t) => (
          <Text key={t.period.key} size="xs" style={{ color: `var(--mantine-color-${STATUS_META[t.status].color}-filled)` }} title={`${t.period.label}: ${STATUS_META[t.status].label}`}>
            ●
          </Text>
        ))}
        <Text size="xs" c="dimmed" ml={4}>
          status per period, oldest first (green on track, yellow at risk, red off track, gray no data)
        </Text>
      </Group>
    </Card>
  );
}

/** Every value ever recorded, newest first, 15 at a time (five years of weekly values is 260 rows). */
function ValuesTable({ detail }: { detail: KpiDetailView }) {
  const { kpi } = detail;
  const values = useKpiValues(kpi.id, 15);
  const shown = values.items;
  return (
    <Card component="section" aria-labelledby="values-heading" p={0}>
      <Group justify="space-between" p="lg" pb="xs">
        <Title order={2} fz="lg" id="values-heading">
          Values
        </Title>
        {shown.length > 0 ? (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {values.hasMore ? `The latest ${shown.length}` : `${shown.length} ${shown.length === 1 ? 'value' : 'values'}`}, newest first
            </Text>
            <DownloadCsvButton path={`/goals/kpis/${encodeURIComponent(kpi.id)}/values.csv`} what={`every value of ${kpi.name}`} />
          </Group>
        ) : null}
      </Group>
      {values.isError ? <QueryError error={values.error} title="Could not load the values" /> : null}
      {values.isPending ? (
        <Skeleton h={200} />
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          No values yet.
        </Text>
      ) : (
        <>
          <Table verticalSpacing={6} horizontalSpacing="lg" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(`${v.date}T12:00:00`)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatKpiValue(v.value, kpi.unit)}
                  </Table.Td>
                  <Table.Td>{DATA_SOURCE_LABEL[v.source] ?? v.source}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={v.note ? undefined : 'dimmed'}>
                      {v.note ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore list={values} />
        </>
      )}
    </Card>
  );
}

const VALUE_LABEL: Record<KpiView['unit'], string> = {
  count: 'Value',
  currency: 'Value in dollars',
  percent: 'Value in %',
  days: 'Value in days',
  hours: 'Value in hours',
  ratio: 'Value (ratio)',
};

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function RecordValueCard({ kpi }: { kpi: KpiView }) {
  const record = useRecordValues();
  const [date, setDate] = useState(today());
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');
  const numberProps = kpi.unit === 'currency' ? { prefix: '$', thousandSeparator: ',', decimalScale: 2 } : kpi.unit === 'percent' ? { suffix: '%', decimalScale: 2 } : { decimalScale: 2 };
  // The server's rules (domain/kpi-input-rules.ts), said before submit: the unit's domain and the dates a value may have.
  const dates = valueDateWindow(today());
  const dateProblem = date ? valueDateProblem(date, today()) : null;
  const valueProblem = value === '' ? null : measureProblem(toApiValue(Number(value), kpi.unit), kpi.unit, { field: 'value', kpiName: kpi.name, date });
  return (
    <Card component="section" aria-labelledby="record-heading">
      <Title order={2} fz="lg" id="record-heading" mb={4}>
        Record a value
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A value on a date that already has one replaces it.{kpi.unit === 'currency' ? ' Enter money in dollars.' : ''}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value === '' || !date || dateProblem || valueProblem) return;
          record.mutate(
            { kpiId: kpi.id, body: { values: [{ date, value: toApiValue(Number(value), kpi.unit), note: note.trim() || null }] } },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `Recorded ${formatKpiValue(toApiValue(Number(value), kpi.unit), kpi.unit)} for ${date}.` });
                setValue('');
                setNote('');
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Date" type="date" required min={dates.first} max={dates.last} value={date} error={dateProblem} onChange={(e) => setDate(e.currentTarget.value)} />
            <NumberInput label={VALUE_LABEL[kpi.unit]} description={rangeHint(kpi.unit)} required value={value} onChange={setValue} clampBehavior="none" error={valueProblem} {...numberProps} />
          </SimpleGrid>
          <TextInput label="Note (optional)" maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <MutationError of={record} />
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending} disabled={value === '' || !date || dateProblem !== null || valueProblem !== null}>
              Record value
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PasteValuesCard({ kpi }: { kpi: KpiView }) {
  const paste = usePasteValues();
  const [text, setText] = useState('');
  return (
    <Card component="section" aria-labelledby="paste-heading">
      <Title order={2} fz="lg" id="paste-heading" mb={4}>
        Paste values
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          paste.mutate(
            { kpiId: kpi.id, text },
            {
              onSuccess: (r) => {
                notifications.show({ color: 'teal', message: `Recorded ${r.recorded} ${r.recorded === 1 ? 'value' : 'values'}.` });
                setText('');
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Textarea
            label="Lines of date,value"
            description={`One per line, e.g. 2026-11-02,${kpi.unit === 'currency' ? '125000 (dollars)' : '125'}. A header line is fine; all lines are recorded or none.`}
            placeholder={'date,value\n2026-11-02,125'}
            autosize
            minRows={4}
            maxRows={12}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <MutationError of={paste} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={paste.isPending} disabled={text.trim() === ''}>
              Record pasted values
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
