import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconFileImport, IconListNumbers, IconPencil, IconPlus, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DownloadCsvButton } from '../shell/download-csv-button.js';
import { LoadMore } from '../shell/load-more.js';
import { PageHeader } from '../shell/page-header.js';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { CatalogKindModal } from './catalog-kind-modal.js';
import { DIRECTION_LABEL, formatKpiValue, formatTarget, UNIT_LABEL } from './format.js';
import { CompBadge, QueryError, StatusBadge } from './goal-badges.js';
import { GoalsNav } from './goals-nav.js';
import { KpiFormModal } from './kpi-form-modal.js';
import { KpiValuesImportModal } from './kpi-values-import-modal.js';
import { useGoalsPermissions } from './permissions.js';
import { PublishModal } from './publish-modal.js';
import { useArchiveKpi, useCatalog, useGoalsOverview, useTeamKpis } from './queries.js';
import { ShareActions } from './share-actions.js';
import { TopThreeEditor } from './top-three-editor.js';
import { GOAL_TEAMS, type GoalTeam, type KpiView } from './types.js';
import { ConfirmModal } from '../shell/confirm-modal.js';

/** Both teams' KPIs, ranked or not; a team's leads (or an admin on its behalf) create, edit, rank and archive its KPIs. */
export function KpisPage() {
  const { ownTeam, canAddKind, canEdit } = useGoalsPermissions();
  const [addingKind, kindModal] = useDisclosure(false);
  const [importing, importModal] = useDisclosure(false);
  const canImport = canEdit('sales') || canEdit('marketing');
  // Your own team first: it is the one you may change.
  const teams = ownTeam ? [ownTeam, ...GOAL_TEAMS.filter((t) => t !== ownTeam)] : GOAL_TEAMS;
  return (
    <>
      <PageHeader
        title="Manage KPIs"
        description="Every KPI of both teams, ranked or not: how it is measured, its target, this period's status, comp and sharing."
        actions={
          canAddKind || canImport ? (
            <Group gap="xs">
              {canImport ? (
                <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={importModal.open}>
                  Import values (CSV)
                </Button>
              ) : null}
              {canAddKind ? (
                <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={kindModal.open}>
                  Add KPI kind
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      />
      <GoalsNav />
      <Stack gap="lg">
        {teams.map((team) => (
          <TeamKpisCard key={team} team={team} />
        ))}
        <CatalogCard />
      </Stack>
      <CatalogKindModal opened={addingKind} onClose={kindModal.close} />
      <KpiValuesImportModal opened={importing} onClose={importModal.close} />
    </>
  );
}

/** A team's KPIs a page at a time (the top three first, then by name). */
function TeamKpisCard({ team }: { team: GoalTeam }) {
  const list = useTeamKpis(team);
  if (list.isError) return <QueryError error={list.error} title={`Could not load the ${TEAM_LABEL[team].toLowerCase()} KPIs`} />;
  if (list.isPending || !list.first) return <Skeleton h={260} radius="md" />;
  return <TeamKpis team={team} kpis={list.items} total={list.first.total} more={<LoadMore list={list} total={list.first.total} noun="KPIs" />} />;
}

function TeamKpis({ team, kpis, total, more }: { team: GoalTeam; kpis: KpiView[]; total: number; more: ReactNode }) {
  const { canEdit: mayEdit, leads } = useGoalsPermissions();
  const overview = useGoalsOverview();
  const canEdit = mayEdit(team);
  const onBehalf = canEdit && !leads(team);
  const [editing, setEditing] = useState<KpiView | null>(null);
  const [creating, createModal] = useDisclosure(false);
  const [ranking, rankModal] = useDisclosure(false);
  const [publishing, publishModal] = useDisclosure(false);
  const [archiving, setArchiving] = useState<KpiView | null>(null);
  const teamView = overview.data?.teams.find((t) => t.team === team);
  // In the server's order: the top three first, then by name.
  const sorted = kpis;
  const headingId = `kpis-${team}`;

  return (
    <Card component="section" aria-labelledby={headingId} p={0} style={{ borderTop: `4px solid var(--mantine-color-${TEAM_COLOR[team]}-6)` }}>
      <Group justify="space-between" p="lg" pb="sm" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="lg" id={headingId}>
            {TEAM_LABEL[team]} KPIs
          </Title>
          <Text size="sm" c="dimmed">
            {total.toLocaleString()} active · {kpis.filter((k) => k.rank !== null).length} in the top three
            {!canEdit ? ` · ${TEAM_LABEL[team]} leads change these` : onBehalf ? ` · you change these on the ${TEAM_LABEL[team].toLowerCase()} team's behalf` : ''}
          </Text>
        </div>
        <Group gap="xs">
          {kpis.length > 0 ? <DownloadCsvButton path="/goals/kpis.csv" params={{ team }} what={`the ${TEAM_LABEL[team].toLowerCase()} KPIs`} /> : null}
          {canEdit ? (
            <>
              <Button variant="default" size="sm" leftSection={<IconListNumbers size={16} aria-hidden />} onClick={rankModal.open}>
                Set top three
              </Button>
              <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
                New KPI
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      {canEdit && teamView?.unpublishedChanges && !teamView.you.canPublish ? (
        <Alert color="yellow" variant="light" mx="lg" mb="sm" title="Unpublished changes">
          <Text size="sm">The top three as ranked here is not what the workspace last saw{teamView.latest ? ` in #${teamView.latest.number}` : ''}. A {TEAM_LABEL[team].toLowerCase()} lead publishes it.</Text>
        </Alert>
      ) : null}
      {teamView?.you.canPublish && teamView.unpublishedChanges ? (
        <Alert color="yellow" variant="light" mx="lg" mb="sm" title="Unpublished changes">
          <Group justify="space-between" gap="sm">
            <Text size="sm">The top three as ranked here is not what the workspace last saw{teamView.latest ? ` in #${teamView.latest.number}` : ''}.</Text>
            <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} onClick={publishModal.open}>
              Publish top three
            </Button>
          </Group>
        </Alert>
      ) : null}
      {kpis.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          No {TEAM_LABEL[team].toLowerCase()} KPIs yet.{canEdit ? ' Create the first one.' : ''}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1120}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Rank</Table.Th>
                <Table.Th miw={260}>KPI</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>This period</Table.Th>
                <Table.Th>Comp</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Sharing</Table.Th>
                {canEdit ? (
                  <Table.Th w={90}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    {k.rank ? (
                      <Badge color={TEAM_COLOR[team]} variant="light" radius="sm">
                        #{k.rank}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td miw={260} maw={360}>
                    <Anchor component={Link} to={`/goals/kpis/${k.id}`} fw={600} size="sm">
                      {k.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {k.measurement.trim() ? k.measurement : 'No measurement yet — needed before it can be ranked.'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatTarget(k.target, k.unit, k.direction, k.period)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <StatusBadge current={k.current} />
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {k.current.actual === null && k.current.lastClosed
                          ? formatKpiValue(k.current.lastClosed.actual, k.unit, { compact: true })
                          : formatKpiValue(k.current.actual, k.unit, { compact: true })}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <CompBadge compensated={k.compensated} weight={k.compWeight} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{k.ownerName ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ShareActions kpi={k} />
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label="Edit KPI" withArrow>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${k.name}`} onClick={() => setEditing(k)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Archive KPI" withArrow>
                          <ActionIcon variant="subtle" color="red" aria-label={`Archive ${k.name}`} onClick={() => setArchiving(k)}>
                            <IconArchive size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more}
      {canEdit ? (
        <>
          <KpiFormModal team={team} kpi={null} opened={creating} onClose={createModal.close} />
          <KpiFormModal team={team} kpi={editing} opened={editing !== null} onClose={() => setEditing(null)} />
          <TopThreeEditor team={team} kpis={kpis} opened={ranking} onClose={rankModal.close} />
          <PublishModal team={team} opened={publishing} onClose={publishModal.close} latestNumber={teamView?.latest?.number ?? null} />
          <ArchiveModal kpi={archiving} onClose={() => setArchiving(null)} />
        </>
      ) : null}
    </Card>
  );
}

function ArchiveModal({ kpi, onClose }: { kpi: KpiView | null; onClose: () => void }) {
  const archive = useArchiveKpi();
  const close = () => {
    archive.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={kpi !== null}
      title={kpi ? `Archive ${kpi.name}?` : 'Archive KPI'}
      confirmLabel="Archive"
      error={archive.error}
      pending={archive.isPending}
      onCancel={close}
      onConfirm={() =>
        kpi &&
        archive.mutate(kpi.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: `${kpi.name} archived.` });
            close();
          },
        })
      }
    >
      It leaves the list{kpi?.rank ? ' and the top three' : ''} and stops being shared. Its values and the publications it appeared in stay.
    </ConfirmModal>
  );
}

function CatalogCard() {
  const catalog = useCatalog();
  return (
    <Card component="section" aria-labelledby="catalog-heading">
      <Group justify="space-between" gap="sm" mb={4}>
        <Title order={2} fz="lg" id="catalog-heading">
          KPI catalog
        </Title>
        <DownloadCsvButton path="/goals/catalog.csv" what="the KPI catalog" />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        The kinds a KPI, an expectation or a quiz answer can name. Built-in kinds plus your workspace's own.
      </Text>
      {catalog.isError ? <QueryError error={catalog.error} title="Could not load the catalog" /> : null}
      {catalog.isPending ? (
        <Skeleton h={120} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Direction</Table.Th>
                <Table.Th>Usually</Table.Th>
                <Table.Th>Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalog.items.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {k.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{UNIT_LABEL[k.unit]}</Table.Td>
                  <Table.Td>{DIRECTION_LABEL[k.direction]}</Table.Td>
                  <Table.Td>{k.defaultTeam === 'sales' || k.defaultTeam === 'marketing' ? TEAM_LABEL[k.defaultTeam] : k.defaultTeam}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant={k.builtIn ? 'default' : 'light'} color={k.builtIn ? 'gray' : 'indigo'} radius="sm">
                      {k.builtIn ? 'Built in' : 'Custom'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={catalog} />
    </Card>
  );
}
