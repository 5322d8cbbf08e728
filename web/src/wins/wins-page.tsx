// The Wins room (SPEC S5; issue 13): the feed of wins, newest first, filtered by team, kind and collaborative (kept in
// the URL, so a link keeps them); "Post a win"; the wins Lockstep proposed, to confirm or dismiss; and the team-level
// counts. No per-person leaderboard anywhere.
import { Button, Card, Collapse, Group, SegmentedControl, Select, Skeleton, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconPlus, IconSearch, IconTrophy, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadMore } from '../shell/load-more.js';
import { MutationError } from '../shell/mutation-error.js';
import { PageHeader } from '../shell/page-header.js';
import { usePermissions } from '../shell/session.js';
import { KIND_OPTIONS } from './format.js';
import { ProposalsCard } from './proposals-card.js';
import { useWins } from './queries.js';
import { SummaryCard } from './summary-card.js';
import { WIN_KINDS, type WinFilters, type WinKind, type WinTeam } from './types.js';
import { WinCard } from './win-card.js';
import { WinFormModal } from './win-form-modal.js';
import classes from './wins.module.css';

const TEAM_CHOICES = [
  { value: '', label: 'Both teams' },
  { value: 'sales', label: 'Sales' },
  { value: 'marketing', label: 'Marketing' },
];

const COLLAB_OPTIONS = [
  { value: 'true', label: 'Collaborative only' },
  { value: 'false', label: 'One team only' },
];

/** The filters the URL holds; anything else in it is ignored. */
function filtersOf(params: URLSearchParams): WinFilters {
  const team = params.get('team');
  const kind = params.get('kind');
  const collaborative = params.get('collaborative');
  return {
    team: team === 'sales' || team === 'marketing' ? team : null,
    kind: (WIN_KINDS as readonly string[]).includes(kind ?? '') ? (kind as WinKind) : null,
    collaborative: collaborative === 'true' || collaborative === 'false' ? collaborative : null,
    q: (params.get('q') ?? '').slice(0, 100),
  };
}

export function WinsPage() {
  const { canContribute } = usePermissions();
  const [posting, postModal] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Wins"
        description="Deals won, campaigns launched and targets hit — especially the ones sales and marketing made happen together. Check-ins open with them."
        actions={
          canContribute ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={postModal.open}>
              Post a win
            </Button>
          ) : null
        }
      />
      <div className={classes.layout}>
        <div className={classes.feed}>
          <Feed onPost={canContribute ? postModal.open : null} />
        </div>
        <div className={classes.proposals}>
          <ProposalsCard />
        </div>
        <div className={classes.summary}>
          <SummaryCard />
        </div>
      </div>
      {canContribute ? <WinFormModal opened={posting} onClose={postModal.close} /> : null}
    </>
  );
}

function Feed({ onPost }: { onPost: (() => void) | null }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [search, setSearch] = useState(filters.q);
  const set = (patch: Partial<Record<'team' | 'kind' | 'collaborative' | 'q', string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  // The search box writes to the URL once the person stops typing.
  const writeSearch = useDebouncedCallback((text: string) => set({ q: text.trim() }), 300);
  const list = useWins(filters);
  const active = [filters.team, filters.kind, filters.collaborative, filters.q].filter(Boolean).length;
  const filtered = active > 0;
  // On a phone the filters fold away behind one button that says how many are on.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, filtersToggle] = useDisclosure(false);
  const clear = () => {
    setSearch('');
    setParams({}, { replace: true });
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="feed-heading">
      <Title order={2} fz="lg" id="feed-heading">
        Feed
      </Title>
      {phone ? (
        <Group gap="xs">
          <Button
            variant="default"
            size="sm"
            leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
            aria-expanded={filtersOpen}
            aria-controls="wins-filters"
            onClick={filtersToggle.toggle}
          >
            {active > 0 ? `Filters (${active} on)` : 'Filters'}
          </Button>
          {filtered ? (
            <Button variant="subtle" size="sm" leftSection={<IconX size={14} aria-hidden />} onClick={clear}>
              Clear
            </Button>
          ) : null}
        </Group>
      ) : null}
      <Collapse expanded={!phone || filtersOpen} id="wins-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4} w={{ base: '100%', xs: 'auto' }}>
          <Text size="sm" fw={500} id="team-filter-label">
            Team
          </Text>
          <SegmentedControl
            aria-labelledby="team-filter-label"
            data={TEAM_CHOICES}
            value={filters.team ?? ''}
            onChange={(v) => set({ team: v as WinTeam | '' })}
            size="sm"
            fullWidth={phone}
          />
        </Stack>
        <Select label="Kind" placeholder="Any kind" data={KIND_OPTIONS} value={filters.kind} onChange={(kind) => set({ kind })} clearable w={{ base: '100%', xs: 210 }} />
        <Select label="Collaborative" placeholder="All wins" data={COLLAB_OPTIONS} value={filters.collaborative} onChange={(collaborative) => set({ collaborative })} clearable w={{ base: '100%', xs: 190 }} />
        <TextInput label="Search" placeholder="Title or story" leftSection={<IconSearch size={14} aria-hidden />} value={search} onChange={(e) => {
            setSearch(e.currentTarget.value);
            writeSearch(e.currentTarget.value);
          }} maxLength={100} w={{ base: '100%', xs: 200 }} />
        {filtered && !phone ? (
          <Button variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={clear}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      </Collapse>
      <MutationError of={list} />
      {list.isPending ? (
        list.isError ? null : (
          <Stack gap="md">
            <Skeleton h={150} radius="md" />
            <Skeleton h={150} radius="md" />
          </Stack>
        )
      ) : list.items.length === 0 ? (
        filtered ? (
          <Card>
            <Stack align="center" gap={6} p="md">
              <Text fw={600}>No win matches these filters</Text>
              <Text size="sm" c="dimmed">
                Clear a filter to see more of the feed.
              </Text>
              <Button variant="default" size="xs" onClick={clear}>
                Clear filters
              </Button>
            </Stack>
          </Card>
        ) : (
          <NoWins onPost={onPost} />
        )
      ) : (
        <Stack gap="md">
          {list.items.map((w) => (
            <WinCard key={w.id} win={w} />
          ))}
          <LoadMore list={list} />
        </Stack>
      )}
    </Stack>
  );
}

function NoWins({ onPost }: { onPost: (() => void) | null }) {
  return (
    <Card p="xl">
      <Group gap="lg" align="flex-start" wrap="nowrap">
        <ThemeIcon size={52} radius="xl" variant="light" color="yellow" aria-hidden visibleFrom="xs">
          <IconTrophy size={28} />
        </ThemeIcon>
        <Stack gap="sm">
          <Title order={3} fz="md">
            No wins yet
          </Title>
          <Text size="sm" maw={560}>
            {onPost
              ? 'Post the first one: a deal won, a campaign launched, a target hit. Credit people from both sales and marketing and it shows as a collaborative win. Lockstep also proposes wins when a KPI reaches its target or a won deal cites a marketing piece.'
              : 'Members post wins here — deals won, campaigns launched, targets hit — and the check-in opens with them.'}
          </Text>
          {onPost ? (
            <Group>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onPost}>
                Post a win
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}
