// Who a win credits (issue 13): a multi-select that searches the workspace's members on the server (so it works at
// any size), offers them under their team's heading and shows each chosen person's team on their pill — the team is
// what makes a win collaborative, so the person posting sees it before they post.
import { Loader, MultiSelect, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { moreHint, useSearchText } from '../shell/search-select.js';
import { TEAMS } from '../theme.js';
import { useMemberSearch } from '../workspaces/queries.js';
import { PERSON_TEAM_LABEL, WIN_LIMITS } from './format.js';
import type { PersonRef } from './types.js';

interface CreditsPickerProps {
  value: PersonRef[];
  onChange: (people: PersonRef[]) => void;
  error?: ReactNode;
  label?: string;
  description?: string;
}

export function CreditsPicker({ value, onChange, error, label = 'People credited', description }: CreditsPickerProps) {
  const [search, setSearch] = useState('');
  const q = useSearchText(search);
  const found = useMemberSearch({ q, active: 'true' }, 30);
  const members = found.data?.items ?? [];
  const more = found.data ? found.data.total - found.data.items.length : 0;
  const chosen = new Set(value.map((p) => p.memberId));
  // Every option under its team; the chosen ones too (their pills read their labels), hidden from the list.
  const options = new Map<string, { value: string; label: string; team: PersonRef['team'] }>();
  for (const p of value) options.set(p.memberId, { value: p.memberId, label: `${p.name} · ${PERSON_TEAM_LABEL[p.team]}`, team: p.team });
  for (const m of members) {
    if (!chosen.has(m.id)) options.set(m.id, { value: m.id, label: `${m.name}${m.function ? ` — ${m.function}` : ''}`, team: m.team });
  }
  const data = TEAMS.map((team) => ({ group: PERSON_TEAM_LABEL[team], items: [...options.values()].filter((o) => o.team === team).map(({ value: v, label: l }) => ({ value: v, label: l })) })).filter((g) => g.items.length > 0);
  const teams = new Set(value.map((p) => p.team));
  const collaborative = teams.has('sales') && teams.has('marketing');
  return (
    <div>
      <MultiSelect
        label={label}
        description={description ?? moreHint(more, 'people') ?? 'Type part of a name, an email or a function.'}
        placeholder={value.length === 0 ? 'Search people' : undefined}
        required
        searchable
        hidePickedOptions
        maxValues={WIN_LIMITS.credited}
        maxDropdownHeight={280}
        withScrollArea={false}
        data={data}
        value={value.map((p) => p.memberId)}
        onChange={(ids) => {
          const byId = new Map<string, PersonRef>(value.map((p) => [p.memberId, p]));
          for (const m of members) byId.set(m.id, { memberId: m.id, name: m.name, team: m.team });
          onChange(ids.map((id) => byId.get(id)).filter((p): p is PersonRef => p !== undefined));
        }}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={found.isFetching ? 'Searching…' : members.length > 0 ? 'Everyone who matches is credited already.' : 'Nobody matches; try part of a name or an email.'}
        rightSection={found.isFetching ? <Loader size={14} /> : undefined}
        error={error}
      />
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {value.length === 0
          ? 'Credit people from both sales and marketing to make it a collaborative win.'
          : collaborative
            ? 'Collaborative: sales and marketing are both credited.'
            : teams.has('sales') || teams.has('marketing')
              ? `Only ${teams.has('sales') ? 'sales' : 'marketing'} is credited — add someone from ${teams.has('sales') ? 'marketing' : 'sales'} if they helped, and it becomes a collaborative win.`
              : 'Leadership counts as neither team: credit sales or marketing too.'}
      </Text>
    </div>
  );
}
