// "Download CSV" of exactly what a table shows (SPEC S7): every row of its list with the filters it has now, not only
// the rows loaded so far. The server streams the file (src/server/csv-export.ts); the browser saves it under its name.
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

export function DownloadCsvButton({ path, params = {}, label = 'Download CSV', what }: {
  /** The CSV route under /api/v1, e.g. /members.csv. */
  path: string;
  /** The table's filters, as its list takes them; empty ones are left out. */
  params?: Record<string, string | number | boolean | null | undefined>;
  label?: string;
  /** What the table is, for screen readers: "Download the sales KPIs as CSV". */
  what?: string;
}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const href = `/api/v1${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
  return (
    <Button component="a" href={href} download variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} aria-label={what ? `Download ${what} as CSV` : undefined}>
      {label}
    </Button>
  );
}
