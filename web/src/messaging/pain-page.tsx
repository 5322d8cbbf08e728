// One pain (issue 12): the statement in the buyer's words, who says it, its evidence figures (count, deal amount,
// win rate with its interval, the weighted trend) and every entry sales logged for it; edit, retire, bring back.
import { Alert, Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconArrowLeft, IconPencil, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatAmount } from '../deals/deal-format.js';
import { QueryError } from '../goals/goal-badges.js';
import { ConfirmModal } from '../shell/confirm-modal.js';
import { formatDate, formatLocalDate } from '../shell/format.js';
import { ListCard } from '../shell/list-card.js';
import { PageHeader } from '../shell/page-header.js';
import { EvidenceList } from './evidence-list.js';
import { MessagingNav } from './messaging-nav.js';
import { DIRECTION_COLOR, DIRECTION_LABEL, formatMonth, formatWinRate, SEVERITY_COLOR, SEVERITY_LABEL, winRateHelp } from './pain-format.js';
import { PainFormModal } from './pain-form-modal.js';
import { usePainPermissions } from './pain-permissions.js';
import { useEvidence, usePain, useRetirePain } from './pain-queries.js';
import type { PainView } from './pain-types.js';

const PainTrendChart = lazy(() => import('./pain-trend-chart.js'));

export function PainPage() {
  const { id = '' } = useParams();
  const pain = usePain(id);
  const p = pain.data;
  const [editing, editModal] = useDisclosure(false);
  const [retiring, retireModal] = useDisclosure(false);
  const retire = useRetirePain();
  const { canLogEvidence } = usePainPermissions();

  return (
    <>
      <Anchor component={Link} to="/messaging/pains" size="sm" underline="hover" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden /> All pains
      </Anchor>
      <PageHeader
        title={p ? `“${p.statement}”` : 'Pain'}
        tabTitle={p ? p.statement : 'Pain'}
        description={p ? [p.persona && `Said by ${p.persona}`, p.segment && `in ${p.segment}`].filter(Boolean).join(' ') || 'A pain in the buyer’s words.' : 'Loading…'}
        actions={
          p ? (
            <Group gap="xs">
              {canLogEvidence && p.status === 'active' ? (
                <Button variant="default" component={Link} to={`/messaging/evidence?painId=${p.id}`} leftSection={<IconPlus size={16} aria-hidden />}>
                  Log evidence
                </Button>
              ) : null}
              {p.you.canEdit ? (
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={editModal.open}>
                  Edit
                </Button>
              ) : null}
              {p.you.canRetire ? (
                p.status === 'active' ? (
                  <Button variant="default" color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={retireModal.open}>
                    Retire
                  </Button>
                ) : (
                  <Button
                    variant="default"
                    leftSection={<IconArrowBackUp size={16} aria-hidden />}
                    loading={retire.isPending}
                    onClick={() => retire.mutate({ painId: p.id, retire: false }, { onSuccess: () => notifications.show({ color: 'teal', message: 'The pain is active again.' }) })}
                  >
                    Reactivate
                  </Button>
                )
              ) : null}
            </Group>
          ) : null
        }
      />
      <MessagingNav />
      {pain.isError ? <QueryError error={pain.error} title="Could not load the pain" /> : null}
      {retire.isError && !retiring ? <QueryError error={retire.error} title="Could not change the pain" /> : null}
      {!p ? pain.isError ? null : <Skeleton h={420} radius="md" /> : <PainDetail pain={p} />}
      {p ? <PainFormModal pain={p} opened={editing} onClose={editModal.close} /> : null}
      <ConfirmModal
        opened={retiring}
        title="Retire this pain?"
        confirmLabel="Retire pain"
        error={retire.error}
        pending={retire.isPending}
        onCancel={() => {
          retire.reset();
          retireModal.close();
        }}
        onConfirm={() =>
          p &&
          retire.mutate(
            { painId: p.id, retire: true },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Pain retired.' });
                retireModal.close();
              },
            },
          )
        }
      >
        It leaves the active library, the analyzer and the coverage map. Its {p?.evidence.count ?? 0} evidence entries are kept, and a leader can bring it back.
      </ConfirmModal>
    </>
  );
}

function Fact({ label, children, help }: { label: string; children: ReactNode; help?: ReactNode }) {
  return (
    <Card>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
      {help ? (
        <Text size="xs" c="dimmed" mt={4}>
          {help}
        </Text>
      ) : null}
    </Card>
  );
}

function PainDetail({ pain }: { pain: PainView }) {
  const e = pain.evidence;
  const evidence = useEvidence({ painId: pain.id }, 20);
  const months = e.trend.months;
  const inYear = months.reduce((s, m) => s + m.count, 0);
  const summary = `Evidence per month, ${formatMonth(months[0]!.month)} to ${formatMonth(months.at(-1)!.month)}: ${months.map((m) => `${formatMonth(m.month)} ${m.count}`).join(', ')}.`;
  return (
    <Stack gap="lg">
      {pain.status === 'retired' ? (
        <Alert color="gray" variant="light" title="Retired">
          Retired {pain.retiredAt ? formatDate(pain.retiredAt) : ''}: not in the analyzer or the coverage map, and no new evidence is tied to it. Its evidence is kept below.
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label="Evidence" help={e.lastDate ? `Last heard ${formatLocalDate(e.lastDate)}` : 'Nothing logged yet'}>
          <Text fw={700} size="xl">
            {e.count.toLocaleString()} {e.count === 1 ? 'entry' : 'entries'}
          </Text>
        </Fact>
        <Fact label="Deal amount" help={`${(e.deals.won + e.deals.lost + e.deals.open).toLocaleString()} deals, each counted once`}>
          <Text fw={700} size="xl">
            {formatAmount(e.amount)}
          </Text>
        </Fact>
        <Fact label="Win rate" help={winRateHelp(e)}>
          <Text fw={700} size="xl">
            {formatWinRate(e.winRate)}
          </Text>
        </Fact>
        <Fact label="Trend" help={`${inYear} in the last 12 months; ${e.trend.weightedCount.toFixed(1)} weighted to recent months (a month six months back counts half).`}>
          <Text fw={700} size="xl" c={e.count > 0 ? DIRECTION_COLOR[e.trend.direction] : undefined}>
            {e.count > 0 ? DIRECTION_LABEL[e.trend.direction] : '—'}
          </Text>
        </Fact>
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card component="section" aria-labelledby="trend-heading" h="100%">
            <Title order={2} fz="lg" id="trend-heading" mb="sm">
              Evidence by month
            </Title>
            {inYear === 0 ? (
              <Text size="sm" c="dimmed">
                No evidence in the last 12 months.
              </Text>
            ) : (
              <Suspense fallback={<Skeleton h={240} />}>
                <PainTrendChart summary={summary} data={months.map((m) => ({ month: formatMonth(m.month), Entries: m.count, Weighted: Math.round(m.weighted * 10) / 10 }))} />
              </Suspense>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card component="section" aria-labelledby="details-heading" h="100%">
            <Title order={2} fz="lg" id="details-heading" mb="sm">
              Details
            </Title>
            <Stack gap="xs">
              <Detail label="Severity">
                <Badge color={SEVERITY_COLOR[pain.severity]} variant="light" radius="sm" tt="none">
                  {pain.severity} · {SEVERITY_LABEL[pain.severity]}
                </Badge>
              </Detail>
              <Detail label="Persona">{pain.persona || '—'}</Detail>
              <Detail label="Segment">{pain.segment || '—'}</Detail>
              <Detail label="Emotion">{pain.emotion || '—'}</Detail>
              <Detail label="Also said as">
                {pain.synonyms.length === 0 ? (
                  '—'
                ) : (
                  <Group gap={4}>
                    {pain.synonyms.map((s) => (
                      <Badge key={s} variant="outline" color="gray" tt="none" fw={500}>
                        {s}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Detail>
              <Text size="xs" c="dimmed" mt="xs">
                Added {formatDate(pain.createdAt)}
                {pain.createdByName ? ` by ${pain.createdByName}` : ''}
              </Text>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <section aria-labelledby="evidence-heading">
        <Title order={2} fz="lg" id="evidence-heading" mb="sm">
          What buyers said
        </Title>
        <ListCard list={evidence} emptyTitle="No evidence yet" emptyText="When sales logs a call about this pain, the buyer’s words show here.">
          {(items) => <EvidenceList items={items} showPain={false} />}
        </ListCard>
      </section>
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
