// The Shadowing room (SPEC S4; issue 15): one program per fiscal quarter in which every sales and marketing member
// spends a day beside a host from the other team. /shadowing shows the current quarter's program (or the next one a
// leader opened early); /shadowing/programs/:id any quarter's, past ones included. Leaders open a quarter, generate
// and adjust the pairs and edit the affinity table; members manage their own day; viewers read.
import { Alert, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { MutationError } from '../shell/mutation-error.js';
import { PageHeader } from '../shell/page-header.js';
import { useSession } from '../shell/session.js';
import { AffinityModal } from './affinity-modal.js';
import { nextQuarter } from './format.js';
import { HistoryCard } from './history-card.js';
import { ProgramView } from './program-view.js';
import { useOpenProgram, usePrograms } from './queries.js';
import type { ProgramsView } from './types.js';

const DESCRIPTION = 'Once a quarter, every sales and marketing member spends a day beside someone from the other team, then writes down what they learned.';

/** The program /shadowing opens on: this quarter's, else the newest open one (a next quarter opened early). */
function programToShow(data: ProgramsView): string | null {
  return data.currentProgram?.id ?? data.programs.find((p) => p.status === 'open')?.id ?? null;
}

export function ShadowingPage() {
  const { id } = useParams();
  const { member } = useSession();
  const isLead = member.role === 'leader' || member.role === 'admin';
  const programs = usePrograms();
  const [affinityOpen, affinity] = useDisclosure(false);
  const open = useOpenProgram();
  const data = programs.data;
  const shownId = id ?? (data ? programToShow(data) : null);
  const shownLabel = data?.programs.find((p) => p.id === shownId)?.quarter.label ?? null;
  const next = data ? nextQuarter(data.current.key) : null;
  const has = (key: string) => Boolean(data?.programs.some((p) => p.quarter.key === key));
  const canOpen = (key: string | undefined): key is string => Boolean(isLead && key && data && !has(key));
  const openQuarter = (key: string, label: string) =>
    open.mutate(key, { onSuccess: () => notifications.show({ color: 'teal', message: `The ${label} program is open: generate the pairs when people have set their availability.` }) });

  return (
    <>
      <PageHeader
        title="Shadowing"
        tabTitle={shownLabel ? `Shadowing ${shownLabel}` : 'Shadowing'}
        description={DESCRIPTION}
        actions={
          <>
            {isLead ? (
              <Button variant="default" leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={affinity.open}>
                Affinity table
              </Button>
            ) : null}
            {data && canOpen(next?.key) && next && data.currentProgram ? (
              <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={open.isPending} onClick={() => openQuarter(next.key, next.label)}>
                Open {next.label}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <MutationError of={programs} />
        <MutationError of={open} />
        {programs.isPending ? (
          programs.isError ? null : <Skeleton h={320} radius="md" />
        ) : !data ? null : shownId ? (
          <ProgramView id={shownId} />
        ) : (
          <NoProgram
            quarterLabel={data.current.label}
            onOpen={canOpen(data.current.key) ? () => openQuarter(data.current.key, data.current.label) : null}
            onOpenNext={next && canOpen(next.key) ? () => openQuarter(next.key, next.label) : null}
            nextLabel={next?.label ?? null}
            pending={open.isPending}
          />
        )}
        {data ? <HistoryCard programs={data.programs} shownId={shownId} /> : null}
        {id && data && !data.programs.some((p) => p.id === id) && !programs.isFetching ? (
          <Alert color="yellow">
            This program is not one of this workspace’s. <Link to="/shadowing">Go to this quarter’s program</Link>.
          </Alert>
        ) : null}
      </Stack>
      {isLead ? <AffinityModal opened={affinityOpen} onClose={affinity.close} /> : null}
    </>
  );
}

function NoProgram({ quarterLabel, onOpen, onOpenNext, nextLabel, pending }: { quarterLabel: string; onOpen: (() => void) | null; onOpenNext: (() => void) | null; nextLabel: string | null; pending: boolean }) {
  return (
    <Card p="xl">
      <Group gap="lg" align="flex-start" wrap="nowrap">
        <ThemeIcon size={52} radius="xl" variant="light" color="orange" aria-hidden visibleFrom="xs">
          <IconUsersGroup size={28} />
        </ThemeIcon>
        <Stack gap="sm">
          <Title order={2} fz="md">
            No shadow-day program for {quarterLabel} yet
          </Title>
          <Text size="sm" maw={620}>
            {onOpen || onOpenNext
              ? 'Open the quarter’s program: every active sales and marketing member is in it. Members then set the days they cannot host; you generate the pairs, and Lockstep schedules each day and sends the invites.'
              : 'A leader opens the quarter’s program. Every sales and marketing member is in it; you will see your host and your day here.'}
          </Text>
          {onOpen || onOpenNext ? (
            <Group gap="sm">
              {onOpen ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} loading={pending} onClick={onOpen}>
                  Open {quarterLabel}
                </Button>
              ) : null}
              {onOpenNext && nextLabel ? (
                <Button variant="default" loading={pending} onClick={onOpenNext}>
                  Open {nextLabel} instead
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}
