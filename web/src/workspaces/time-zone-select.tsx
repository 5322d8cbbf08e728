import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

/** The browser's own zone, the sensible default for a new workspace or person. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function allTimeZones(): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const set = new Set(zones);
  set.add('UTC');
  set.add(browserTimeZone());
  return [...set].sort((a, b) => a.localeCompare(b));
}

/** A searchable IANA time-zone select (SPEC S0). */
export function TimeZoneSelect(props: Omit<SelectProps, 'data'>) {
  const data = useMemo(() => {
    const zones = allTimeZones();
    if (typeof props.value === 'string' && props.value && !zones.includes(props.value)) zones.push(props.value);
    return zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
  }, [props.value]);
  return <Select searchable allowDeselect={false} nothingFoundMessage="No such time zone" maxDropdownHeight={280} {...props} data={data} />;
}
