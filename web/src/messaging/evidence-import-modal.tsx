// Evidence from a CSV (issue 12): pick the sheet, see how many rows are ready and which have problems (a dry run on
// the server), choose whether the good rows go in without the bad ones, and log them.
import { Alert, Anchor, Badge, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.js';
import type { EvidenceImportView } from '../../../src/capabilities/messaging/pains/import.js';
import type { z } from 'zod';
import { ImportProblems } from '../shell/import-problems.js';
import { painKeys } from './pain-queries.js';

type View = z.infer<typeof EvidenceImportView>;
type Mode = View['mode'];

const sendCsv = (file: File, query: string) => api.postFile<View>(`/messaging/evidence/import?${query}`, file, 'text/csv');
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function EvidenceImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const check = useMutation({ mutationFn: (f: File) => sendCsv(f, 'dryRun=true&mode=valid_rows') });
  const commit = useMutation({
    mutationFn: ({ f, m }: { f: File; m: Mode }) => sendCsv(f, `mode=${m}`),
    onSuccess: (done) => {
      void qc.invalidateQueries({ queryKey: painKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
      notifications.show({ color: 'teal', message: `Logged ${count(done.logged, 'entry', 'entries')}.` });
      onClose();
    },
  });
  const checked = check.data;
  const problems = (checked?.invalid ?? 0) > 0;
  const chosen: Mode | null = problems ? mode : 'all_or_nothing';
  const choose = (f: File | null) => {
    setFile(f);
    setMode(null);
    check.reset();
    commit.reset();
    if (f) check.mutate(f);
  };

  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={() => choose(null)} title="Import evidence from a CSV" centered size="xl">
      <Stack gap="md">
        <Text size="sm">
          One row a call, with the columns <b>date</b> (YYYY-MM-DD), <b>account</b> and <b>quote</b> (the buyer's words), and optionally <b>outcome</b> (won, lost or open), <b>amount</b>, <b>deal</b> (the CRM id),{' '}
          <b>pain</b> (its exact statement or id) and <b>notes</b>. Every row is logged as yours.
        </Text>
        <Group gap="md" align="flex-end" wrap="wrap">
          <FileInput
            label="CSV file"
            description="In Excel or Sheets: save or download as CSV"
            accept=".csv,text/csv"
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the file' }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            style={{ flex: '1 1 260px' }}
          />
          <Anchor href="/api/v1/messaging/evidence/template.csv" download size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, paddingBottom: 8 }}>
            <IconDownload size={14} aria-hidden /> Download the template
          </Anchor>
        </Group>
        {check.isPending ? (
          <Text size="sm" c="dimmed">
            Checking every row…
          </Text>
        ) : null}
        {check.isError ? (
          <Alert color="red" role="alert" title="This file can't be imported">
            {errorMessage(check.error)}
          </Alert>
        ) : null}
        {checked ? (
          <Stack gap="sm">
            <Group gap="xs">
              <Badge color="teal" variant="light">
                {count(checked.valid, 'entry', 'entries')} ready
              </Badge>
              {problems ? (
                <Badge color="red" variant="light">
                  {count(checked.invalid, 'row')} with problems
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                of {count(checked.rows, 'row')}
              </Text>
            </Group>
            {problems ? (
              <>
                <ImportProblems
                  errors={checked.errors}
                  invalid={checked.invalid}
                  chosen={chosen}
                  onChoose={setMode}
                  writeGoodLabel={`Log the ${count(checked.valid, 'good row')} and skip the ${count(checked.invalid, 'row')} with problems`}
                  writeNothingLabel="Log nothing: I will fix the file and choose it again"
                  noneValid={checked.valid === 0}
                />
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
            disabled={!file || !checked || checked.valid === 0 || chosen === null || (problems && chosen === 'all_or_nothing')}
            loading={commit.isPending}
            onClick={() => file && chosen && commit.mutate({ f: file, m: chosen })}
          >
            {checked && checked.valid > 0 ? `Log ${count(checked.valid, 'entry', 'entries')}` : 'Log entries'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
