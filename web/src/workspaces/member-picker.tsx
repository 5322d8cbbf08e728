// Pickers of people that search the server (GET /members?q=…), so they work in a workspace of any size: the
// person types part of a name, an email or a function and picks from the first matches. Only people who are not
// deactivated are offered; whoever is already chosen keeps their name on screen.
import { Loader, MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useState } from 'react';
import type { MemberView } from '../api/types.js';
import { moreHint, SearchSelect, useSearchText, type SearchResults, type SearchSelectProps } from '../shell/search-select.js';
import { useMemberSearch } from './queries.js';

export const memberLabel = (m: Pick<MemberView, 'name' | 'function'>): string => `${m.name}${m.function ? ` — ${m.function}` : ''}`;

/** The first 20 people (not deactivated) the server finds for q. */
function useMemberResults(q: string, exceptId?: string | null): SearchResults<MemberView> {
  const found = useMemberSearch({ q, active: 'true' });
  const items = (found.data?.items ?? []).filter((m) => m.id !== exceptId);
  return { items, searching: found.isFetching, more: found.data ? found.data.total - found.data.items.length : 0 };
}

type SelectBase = Omit<SearchSelectProps<MemberView>, 'onChange' | 'useResults' | 'toOption' | 'nothingFound' | 'noun'>;

/** One person: the field shows the chosen one's name; typing searches by name, email or function. */
export function MemberSelect({ onChange, exceptId, ...rest }: SelectBase & { onChange: (memberId: string | null) => void; exceptId?: string | null }) {
  return (
    <SearchSelect<MemberView>
      {...rest}
      onChange={(id) => onChange(id)}
      useResults={(q) => useMemberResults(q, exceptId)}
      toOption={(m) => ({ value: m.id, label: memberLabel(m) })}
      nothingFound="Nobody matches; try part of a name or an email."
      noun="people"
    />
  );
}

export interface PickedMember {
  memberId: string;
  name: string;
  team: MemberView['team'];
  keyPlayer: boolean;
}

type MultiBase = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'nothingFoundMessage'>;

/** Several people (a meeting's attendees): each chosen one stays as a pill; typing searches for more. */
export function MemberMultiSelect({
  value,
  onChange,
  ...rest
}: MultiBase & {
  value: PickedMember[];
  onChange: (members: PickedMember[]) => void;
}) {
  const [search, setSearch] = useState('');
  const found = useMemberResults(useSearchText(search));
  const describe = (m: MemberView) => `${m.name}${m.keyPlayer ? ' ★ key player' : ''}${m.function ? ` — ${m.function}` : ''}`;
  const members = found.items;
  const options = members.map((m) => ({ value: m.id, label: describe(m) }));
  const { searching, more } = found;
  const chosen = new Set(value.map((p) => p.memberId));
  const data = [...value.map((p) => ({ value: p.memberId, label: `${p.name}${p.keyPlayer ? ' ★' : ''}` })), ...options.filter((o) => !chosen.has(o.value))];
  return (
    <MultiSelect
      {...rest}
      searchable
      hidePickedOptions
      data={data}
      value={value.map((p) => p.memberId)}
      onChange={(ids) => {
        const byId = new Map<string, PickedMember>(value.map((p) => [p.memberId, p]));
        for (const m of members) byId.set(m.id, { memberId: m.id, name: m.name, team: m.team, keyPlayer: m.keyPlayer });
        onChange(ids.map((id) => byId.get(id)).filter((p): p is PickedMember => p !== undefined));
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={searching ? 'Searching…' : members.length > 0 ? 'Everyone who matches is chosen already.' : 'Nobody matches; try part of a name or an email.'}
      rightSection={searching ? <Loader size={14} /> : undefined}
      description={rest.description ?? moreHint(more, 'people')}
    />
  );
}
