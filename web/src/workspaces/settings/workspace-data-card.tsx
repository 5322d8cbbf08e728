// The whole workspace as one JSON file, and a new workspace made from one (SPEC S7; docs/decisions/037). Admins only.
import { Alert, Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../api/client.js';
import { CopyField } from '../../shell/copy-field.js';
import { useSwitchWorkspace } from '../queries.js';

interface Imported {
  workspace: { id: string; name: string };
  rows: number;
  invited: Array<{ name: string; email: string; setupUrl: string }>;
}

/** Sends the export file as it is: the server reads and checks it whole, in one transaction. */
const sendExport = (file: File) => api.postFile<Imported>('/workspace/import', file, 'application/json');

export function WorkspaceDataCard() {
  const [file, setFile] = useState<File | null>(null);
  const importing = useMutation({ mutationFn: sendExport });
  const switchTo = useSwitchWorkspace();
  const navigate = useNavigate();
  const made = importing.data;
  return (
    <Card component="section" aria-labelledby="workspace-data-title" withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} fz="md" id="workspace-data-title">
          Export and import
        </Title>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed" maw={620} style={{ flex: '1 1 320px' }}>
            Everything in this workspace — people, goals, check-ins, deals, the audit log — as one JSON file. Passwords, sessions, API tokens, invite links,
            calendar feeds and the webhook secret are never in it.
          </Text>
          <Button component="a" href="/api/v1/workspace/export" download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            Download workspace (JSON)
          </Button>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label="Make a new workspace from an export"
            description="It is yours; everyone else in it is invited to take their place."
            accept=".json,application/json"
            value={file}
            onChange={(f) => {
              setFile(f);
              importing.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the file' }}
            style={{ flex: '1 1 320px' }}
          />
          <Button leftSection={<IconFileUpload size={16} aria-hidden />} disabled={!file} loading={importing.isPending} onClick={() => file && importing.mutate(file)}>
            Import
          </Button>
        </Group>
        {importing.isError ? (
          <Alert color="red" role="alert" title="This file can't be imported">
            {errorMessage(importing.error)}
          </Alert>
        ) : null}
        {made ? (
          <Stack gap="sm">
            <Alert color="teal" variant="light" title={`“${made.workspace.name}” is ready`}>
              <Group justify="space-between" gap="sm">
                <Text size="sm">
                  {made.rows.toLocaleString()} records copied. {made.invited.length > 0 ? `${made.invited.length} people are invited to it.` : ''}
                </Text>
                <Button size="xs" loading={switchTo.isPending} onClick={() => switchTo.mutate(made.workspace.id, { onSuccess: () => void navigate('/') })}>
                  Switch to it
                </Button>
              </Group>
            </Alert>
            {made.invited.length > 0 ? (
              <>
                <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy these links now — they won't be shown again">
                  Send each person their own link. People who already use Lockstep also find the invitation in their workspace menu.
                </Alert>
                {made.invited.map((p) => (
                  <CopyField key={p.email} label={`${p.name} (${p.email})`} value={p.setupUrl} />
                ))}
              </>
            ) : null}
            <Anchor size="sm" component="button" type="button" onClick={() => { setFile(null); importing.reset(); }}>
              Import another file
            </Anchor>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
