// Import KPI values from a CSV (SPEC S7): pick a file, see what it would record and which rows have problems
// (a dry run on the server), choose whether the good rows go in without the bad ones, import.
import { Alert, Anchor, Badge, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.js';
import type { KpiValuesImportView } from '../../../src/capabilities/goals/routes/kpi-value-import.js';
import { ImportProblems, type ImportMode } from '../shell/import-problems.js';
import { goalKeys } from './queries.js';

type Mode = ImportMode;

/** Sends the file as it is (text/csv): the server streams it row by row. */
const sendCsv = (file: File, query: string) => api.postFile<KpiValuesImportView>(`/goals/kpi-values/import?${query}`, file, 'text/csv');

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function KpiValuesImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // With bad rows in the file, the person chooses: nothing is preselected.
  const [mode, setMode] = useState<Mode | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => sendCsv(f, 'dryRun=true&mode=valid_rows') });
  const commit = useMutation({
    mutationFn: ({ f, m }: { f: File; m: Mode }) => sendCsv(f, `mode=${m}`),
    onSuccess: (done) => {
      void qc.invalidateQueries({ queryKey: goalKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
      notifications.show({ color: 'teal', message: `Recorded ${plural(done.recorded, 'value')} for ${plural(done.kpis.length, 'KPI')}.` });
      onClose();
    },
  });
  const checked = preview.data;
  const reset = () => {
    setFile(null);
    setMode(null);
    preview.reset();
    commit.reset();
  };
  const pick = (f: File | null) => {
    setFile(f);
    setMode(null);
    commit.reset();
    preview.reset();
    if (f) preview.mutate(f);
  };
  const hasProblems = (checked?.invalid ?? 0) > 0;
  const chosen: Mode | null = hasProblems ? mode : 'all_or_nothing';

  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={reset} title="Import KPI values from a CSV" centered size="xl">
      <Stack gap="md">
        <Text size="sm">
          One row a value, with the columns <b>kpi</b> (its name as shown here, or its id), <b>period</b> (a date 2026-03-07, a month 2026-03, a fiscal
          quarter 2026-Q1 or a week 2026-W10) and <b>value</b> (as you write it: 1,250 · $1,250.50 · 12.5%), and optionally <b>note</b> and <b>team</b>.
          A value for a date or period that has one replaces it.
        </Text>
        <Group gap="md" align="flex-end" wrap="wrap">
          <FileInput
            label="CSV file"
            description="A .csv file (in Excel: Save as → CSV UTF-8)"
            accept=".csv,text/csv"
            value={file}
            onChange={pick}
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the file' }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            style={{ flex: '1 1 260px' }}
          />
          <Anchor href="/api/v1/goals/kpi-values/template.csv" download size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, paddingBottom: 8 }}>
            <IconDownload size={14} aria-hidden /> Download the template
          </Anchor>
        </Group>

        {preview.isPending ? <Text size="sm" c="dimmed">Checking every row…</Text> : null}
        {preview.isError ? (
          <Alert color="red" role="alert" title="This file can't be imported">
            {errorMessage(preview.error)}
          </Alert>
        ) : null}

        {checked ? (
          <Stack gap="sm">
            <Group gap="xs">
              <Badge color="teal" variant="light">
                {plural(checked.valid, 'value')} ready
              </Badge>
              {hasProblems ? (
                <Badge color="red" variant="light">
                  {plural(checked.invalid, 'row')} with problems
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                of {plural(checked.rows, 'row')}
                {checked.kpis.length > 0 ? ` · for ${checked.kpis.map((k) => k.name).join(', ')}` : ''}
              </Text>
            </Group>

            {checked.preview.length > 0 ? (
              <Table.ScrollContainer minWidth={480} mah={220}>
                <Table fz="sm" verticalSpacing={4} striped aria-label="The first values it would record">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>Row</Table.Th>
                      <Table.Th>KPI</Table.Th>
                      <Table.Th>Recorded on</Table.Th>
                      <Table.Th ta="right">Value</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {checked.preview.map((p) => (
                      <Table.Tr key={p.row}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td className="user-text">{p.kpiName}</Table.Td>
                        <Table.Td>{p.date}</Table.Td>
                        <Table.Td ta="right">{p.shown}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}

            {hasProblems ? (
              <>
                <ImportProblems
                  errors={checked.errors}
                  invalid={checked.invalid}
                  chosen={chosen}
                  onChoose={setMode}
                  writeGoodLabel={`Record the ${plural(checked.valid, 'good row')} and skip the ${plural(checked.invalid, 'row')} with problems`}
                  writeNothingLabel="Record nothing: I will fix the file and choose it again"
                  noneValid={checked.valid === 0}
                />
                {chosen === 'all_or_nothing' ? (
                  <Text size="sm" c="dimmed">
                    Nothing is recorded. Fix the rows listed above in your spreadsheet, save it as CSV and choose it again.
                  </Text>
                ) : null}
              </>
            ) : null}
          </Stack>
        ) : null}

        {commit.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(commit.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!file || !checked || checked.valid === 0 || chosen === null || (hasProblems && chosen === 'all_or_nothing')}
            loading={commit.isPending}
            onClick={() => file && chosen && commit.mutate({ f: file, m: chosen })}
          >
            {checked && checked.valid > 0 ? `Record ${plural(checked.valid, 'value')}${hasProblems && chosen === 'valid_rows' ? `, skip ${plural(checked.invalid, 'row')}` : ''}` : 'Record values'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
