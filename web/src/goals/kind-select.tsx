// A KPI kind from the catalog, found by the server as the person types (GET /goals/catalog?q=…): the built-in
// kinds and however many a workspace adds. The team's usual kinds are offered first.
import type { ComboboxItem } from '@mantine/core';
import { SearchSelect, type SearchSelectProps } from '../shell/search-select.js';
import { TEAM_LABEL } from '../theme.js';
import { UNIT_SHORT } from './format.js';
import { useCatalogSearch } from './queries.js';
import type { GoalTeam, KpiKindView } from './types.js';

type Props = Omit<SearchSelectProps<KpiKindView>, 'useResults' | 'toOption' | 'groupOf' | 'nothingFound' | 'noun'> & {
  /** The team whose usual kinds come first. */
  team: GoalTeam;
  /** Show the unit after the name ("Win rate (%)"). */
  withUnit?: boolean;
  /** Kinds chosen elsewhere on the form, offered but not pickable again. */
  taken?: ReadonlyArray<string | null>;
};

function useKindResults(q: string) {
  const found = useCatalogSearch(q);
  return { items: found.data?.items ?? [], searching: found.isFetching, more: found.data?.nextCursor ? ('some' as const) : 0 };
}

export function KindSelect({ team, withUnit = false, taken = [], ...rest }: Props) {
  const usually = `Usually ${TEAM_LABEL[team].toLowerCase()}`;
  const toOption = (k: KpiKindView): ComboboxItem => ({
    value: k.id,
    label: withUnit ? `${k.name} (${UNIT_SHORT[k.unit]})` : k.name,
    disabled: k.id !== rest.value && taken.includes(k.id),
  });
  return (
    <SearchSelect<KpiKindView>
      {...rest}
      useResults={(q) => {
        const found = useKindResults(q);
        // The team's usual kinds first, keeping the server's order within each group.
        return { ...found, items: [...found.items.filter((k) => k.defaultTeam === team), ...found.items.filter((k) => k.defaultTeam !== team)] };
      }}
      toOption={toOption}
      groupOf={(k) => (k.defaultTeam === team ? usually : 'Other kinds')}
      nothingFound="No kind matches; add one to the catalog first."
      noun="kinds"
    />
  );
}
