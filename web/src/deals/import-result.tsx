// What the check of a file found (issue 11): its format and counts, the rows with errors (with the report as a CSV
// download), the owners no member matched (each mapped to a member, remembered for the next import), and the choice:
// import the valid rows and skip the rest, or import nothing until the file is fixed.
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadMore } from '../shell/load-more.js';
import { MutationError } from '../shell/mutation-error.js';
import { MemberSelect } from '../workspaces/member-picker.js';
import { errorReportUrl, FORMAT_LABEL, useCancelImport, useCommitImport, useImportErrors, useMapOwners, type ImportView } from './import-queries.js';

const n = (v: number) => v.toLocaleString();
/** A long button label wraps on a phone instead of being cut. */
const WRAP = { label: { whiteSpace: 'normal', textAlign: 'center' }, inner: { height: 'auto' } } as const;
const rows = (v: number) => `${n(v)} ${v === 1 ? 'row' : 'rows'}`;

export function ResultStep({ imp, onCancelled }: { imp: ImportView; onCancelled: () => void }) {
  return (
    <Stack gap="lg">
      <Summary imp={imp} />
      {imp.rowsInvalid > 0 ? <ErrorReport imp={imp} /> : null}
      {imp.unmatchedOwners.length > 0 ? <UnmatchedOwners imp={imp} /> : null}
      <CommitChoice imp={imp} onCancelled={onCancelled} />
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={650} c={color}>
        {value}
      </Text>
    </div>
  );
}

function Summary({ imp }: { imp: ImportView }) {
  return (
    <Card component="section" aria-labelledby="summary-title">
      <Stack gap="md">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} fz="lg" id="summary-title" className="user-text">
              {imp.filename}
            </Title>
            {imp.format ? (
              <Badge variant="light" radius="sm">
                {FORMAT_LABEL[imp.format]}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            Checked, nothing written yet.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 3 }} spacing="md">
          <Stat label="Rows" value={n(imp.rowsTotal)} />
          <Stat label="Valid" value={n(imp.rowsValid)} color="green.9" />
          <Stat label="With errors" value={n(imp.rowsInvalid)} color={imp.rowsInvalid > 0 ? 'red.9' : undefined} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** The rows with errors, a page at a time, and the whole report as CSV. */
export function ErrorReport({ imp }: { imp: ImportView }) {
  const list = useImportErrors(imp.id, true);
  return (
    <Card component="section" aria-labelledby="errors-title" p={0}>
      <Group justify="space-between" p="lg" pb="sm" gap="sm" wrap="wrap">
        <div>
          <Title order={2} fz="lg" id="errors-title">
            Error report
          </Title>
          <Text size="sm" c="dimmed">
            {rows(imp.rowsInvalid)} with problems{list.first && list.first.total !== imp.rowsInvalid ? ` (${n(list.first.total)} problems in all)` : ''}. Row numbers are as your spreadsheet shows them.
          </Text>
        </div>
        <Button component="a" href={errorReportUrl(imp.id)} download variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />}>
          Download error report (CSV)
        </Button>
      </Group>
      <MutationError of={list} />
      <Table.ScrollContainer minWidth={340}>
        <Table verticalSpacing="xs" horizontalSpacing="md" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>Row</Table.Th>
              <Table.Th w="28%">Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((e, i) => (
              <Table.Tr key={`${e.row}-${e.column ?? ''}-${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td className="user-text">{e.column ?? <Text span c="dimmed" size="sm">Whole row</Text>}</Table.Td>
                <Table.Td className="user-text">{e.message}</Table.Td>
              </Table.Tr>
            ))}
            {list.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed">
                    Loading the report…
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore list={list} />
    </Card>
  );
}

/** Owners of the file no member matched: pick the member each one is; Lockstep remembers it. */
function UnmatchedOwners({ imp }: { imp: ImportView }) {
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const map = useMapOwners();
  const picked = Object.entries(chosen).flatMap(([ownerName, memberId]) => (memberId ? [{ ownerName, memberId }] : []));
  return (
    <Card component="section" aria-labelledby="owners-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="owners-title">
            Owners Lockstep could not match
          </Title>
          <Text size="sm" c="dimmed">
            No member has these names or emails. Choose who each one is: Lockstep remembers it for every import after. Deals of an owner left unmatched are imported without an owner.
          </Text>
        </div>
        <Stack gap="sm">
          {imp.unmatchedOwners.map((o) => (
            <Group key={o.name} gap="md" wrap="wrap" align="flex-end">
              <div style={{ flex: '1 1 200px', minWidth: 0 }}>
                <Text fw={500} className="user-text">
                  {o.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {o.rows === 1 ? '1 deal' : `${n(o.rows)} deals`}
                </Text>
              </div>
              <MemberSelect
                style={{ flex: '1 1 240px' }}
                label={`Member for ${o.name}`}
                placeholder="Search people"
                value={chosen[o.name] ?? null}
                onChange={(memberId) => setChosen((c) => ({ ...c, [o.name]: memberId }))}
              />
            </Group>
          ))}
        </Stack>
        <MutationError of={map} />
        <Group justify="flex-end">
          <Button disabled={picked.length === 0} loading={map.isPending} onClick={() => map.mutate(picked, { onSuccess: () => setChosen({}) })}>
            {picked.length > 1 ? `Remember these ${picked.length} owners` : 'Remember this owner'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CommitChoice({ imp, onCancelled }: { imp: ImportView; onCancelled: () => void }) {
  const commit = useCommitImport(imp.id);
  const cancel = useCancelImport(imp.id);
  const hasErrors = imp.rowsInvalid > 0;
  return (
    <Card component="section" aria-labelledby="choice-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="choice-title">
            {hasErrors ? 'How to import this file' : 'Import'}
          </Title>
          <Text size="sm" c="dimmed">
            {hasErrors
              ? `${rows(imp.rowsInvalid)} ${imp.rowsInvalid === 1 ? 'has' : 'have'} errors. Import the rest now, or import nothing and upload the file again once it is fixed.`
              : `Every row is valid. Deals already in Lockstep (the same ${imp.format === 'salesforce' ? 'Opportunity ID' : 'record id'}) are updated; the rest are added.`}
          </Text>
        </div>
        {imp.rowsValid === 0 ? (
          <Alert color="red" title="No row can be imported">
            Fix the file using the error report and upload it again.
          </Alert>
        ) : null}
        <MutationError of={commit} />
        <MutationError of={cancel} />
        <Group gap="sm" wrap="wrap">
          {imp.rowsValid > 0 ? (
            <Button h="auto" mih={36} py={8} styles={WRAP} loading={commit.isPending} onClick={() => commit.mutate(hasErrors ? 'valid_rows' : 'all_or_nothing')}>
              {hasErrors ? `Import the ${n(imp.rowsValid)} valid rows and skip ${n(imp.rowsInvalid)}` : `Import ${n(imp.rowsValid)} ${imp.rowsValid === 1 ? 'deal' : 'deals'}`}
            </Button>
          ) : null}
          <Button h="auto" mih={36} py={8} styles={WRAP} variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSuccess: onCancelled })}>
            {hasErrors ? 'Import nothing until the file is fixed' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
