// A Select whose options the server finds (a list's `q` search), for lists too long to load whole: the person
// types, and picks from the first matches. The chosen option keeps its label while other searches run.
import { Loader, Select, type ComboboxItem, type ComboboxItemGroup, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

export interface SearchResults<T> {
  items: T[];
  searching: boolean;
  /** How many more match than are offered: a number, 'some' when the list does not count them, or 0. */
  more: number | 'some';
}

type Base = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'nothingFoundMessage'>;

export interface SearchSelectProps<T> extends Base {
  value: string | null;
  onChange: (value: string | null, item: T | null) => void;
  /** The server's matches for the typed text (already trimmed and debounced); a hook, called on every render. */
  useResults: (q: string) => SearchResults<T>;
  toOption: (item: T) => ComboboxItem;
  /** Groups the offered options under headings (in the order they first appear). */
  groupOf?: (item: T) => string;
  /** The chosen option's label as the page knows it, until a search finds it. */
  selectedLabel?: string | null;
  /** What a search that finds nothing says. */
  nothingFound: string;
  /** The noun for the "more are not listed" hint: "people", "kinds". */
  noun: string;
}

/** The text typed, 200 ms after the person stops, trimmed. */
export function useSearchText(text: string): string {
  // The server reads at most 100 characters of a search (SearchText, src/shared/page.ts): a longer text, such as a
  // 120-character expectation, searches by its first 100 instead of being refused.
  const [q] = useDebouncedValue(text.trim().slice(0, 100), 200);
  return q;
}

/** What a picker says when it offers only the first matches. */
export function moreHint(more: number | 'some', noun: string): string | undefined {
  if (more === 'some') return `Type to search: more ${noun} match than are listed.`;
  return more > 0 ? `Type to search: ${more.toLocaleString()} more ${noun} are not listed.` : undefined;
}

export function SearchSelect<T>({ value, onChange, useResults, toOption, groupOf, selectedLabel, nothingFound, noun, ...rest }: SearchSelectProps<T>) {
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, { label: string; item: T }>>({});
  const chosenLabel = value ? (known[value]?.label ?? selectedLabel ?? '') : '';
  // The field shows the chosen option's label: that is not a search.
  const q = useSearchText(value && search === chosenLabel ? '' : search);
  const found = useResults(q);
  const options = found.items.map((item) => ({ option: toOption(item), item }));
  const chosenMissing = value !== null && !options.some((o) => o.option.value === value);
  const flat: ComboboxItem[] = [...(chosenMissing && value ? [{ value, label: chosenLabel || value }] : []), ...options.map((o) => o.option)];
  let data: Array<ComboboxItem | ComboboxItemGroup<ComboboxItem>> = flat;
  if (groupOf) {
    const groups = new Map<string, ComboboxItem[]>();
    if (chosenMissing && value) groups.set('Chosen', [{ value, label: chosenLabel || value }]);
    for (const o of options) groups.set(groupOf(o.item), [...(groups.get(groupOf(o.item)) ?? []), o.option]);
    data = [...groups].map(([group, items]) => ({ group, items }));
  }
  return (
    <Select
      {...rest}
      searchable
      data={data}
      value={value}
      onChange={(next, option) => {
        const item = options.find((o) => o.option.value === next)?.item ?? (next ? known[next]?.item : undefined) ?? null;
        if (next && option && item !== null) setKnown((k) => ({ ...k, [next]: { label: option.label, item } }));
        onChange(next, item);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has filtered already (on more than the labels show).
      filter={({ options: all }) => all}
      nothingFoundMessage={found.searching ? 'Searching…' : nothingFound}
      rightSection={found.searching ? <Loader size={14} /> : undefined}
      description={rest.description ?? moreHint(found.more, noun)}
    />
  );
}
