// Importing a deal export (issue 11, SPEC S7): choose or drop a file → upload progress → the server checks it
// (progress polled) → what it found, the error report and unmatched owners, or a column mapping for a file it did
// not recognise → the person chooses how to import → the rows are written → done, with links to Deals and Goals.
// The current import is in the address (?import=…), so a reload or a link comes back to the same step.
import { Alert, Anchor, Button, Card, Group, Progress, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.js';
import { PageHeader } from '../shell/page-header.js';
import { useSession } from '../shell/session.js';
import { ImportHistory } from './import-history.js';
import { MappingStep } from './import-mapping.js';
import { ResultStep } from './import-result.js';
import { formatBytes, importKeys, isBusy, uploadDealFile, useCancelImport, useDealFields, useImport, type ImportView, type UploadProgress } from './import-queries.js';

export function DealImportPage() {
  const { member } = useSession();
  const canImport = member.role === 'admin' || member.role === 'leader';
  const [params, setParams] = useSearchParams();
  const current = params.get('import');
  const open = (id: string | null) => setParams(id ? { import: id } : {}, { replace: false });
  return (
    <>
      <PageHeader
        title="Import deals"
        description="Upload a deals export from HubSpot or a Salesforce opportunities report (CSV). Lockstep recognises the columns, checks every row, and shows what it found before anything is written. Importing the same export again updates the deals it already has."
        actions={
          <Button component={Link} to="/deals" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            Deals
          </Button>
        }
      />
      <Stack gap="lg">
        {!canImport ? (
          <Alert color="gray" title="Admins and leaders import deals">
            You can follow the imports below and read their error reports; an admin or a leader uploads the files.
          </Alert>
        ) : current ? (
          <CurrentImport id={current} onStartOver={() => open(null)} />
        ) : (
          <UploadStep onUploaded={(v) => open(v.id)} />
        )}
        <ImportHistory currentId={current} onOpen={open} />
      </Stack>
    </>
  );
}

/** Choose or drop a file; its upload progress; what the server said when it refused it. */
function UploadStep({ onUploaded }: { onUploaded: (v: ImportView) => void }) {
  const fields = useDealFields();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const stop = useRef<AbortController | null>(null);
  const [dragging, setDragging] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const max = fields.data?.maxUploadBytes;

  async function send(chosen: File) {
    setError(null);
    if (max !== undefined && chosen.size > max) {
      setError(`${chosen.name} is ${formatBytes(chosen.size)}; the most Lockstep imports at once is ${formatBytes(max)}. Split the export into smaller files (by close date, for example) and upload each.`);
      return;
    }
    setFile(chosen);
    setProgress({ loaded: 0, total: chosen.size });
    const controller = new AbortController();
    stop.current = controller;
    try {
      const created = await uploadDealFile(chosen, setProgress, controller.signal);
      qc.setQueryData(importKeys.one(created.id), created);
      void qc.invalidateQueries({ queryKey: importKeys.list });
      onUploaded(created);
    } catch (err) {
      if (!controller.signal.aborted) setError(errorMessage(err));
      setFile(null);
      setProgress(null);
    } finally {
      stop.current = null;
    }
  }

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !progress) void send(dropped);
  };

  if (file && progress) {
    const pct = progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
    return (
      <Card component="section" aria-labelledby="upload-title">
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size="lg" radius="md">
              <IconFileSpreadsheet size={20} aria-hidden />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Title order={2} fz="lg" id="upload-title" className="user-text">
                Uploading {file.name}
              </Title>
              <Text size="sm" c="dimmed">
                {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
              </Text>
            </div>
          </Group>
          <Progress value={pct} size="lg" radius="xl" animated aria-label={`Upload: ${pct}%`} />
          <Group justify="flex-end">
            <Button variant="default" size="sm" onClick={() => stop.current?.abort()}>
              Stop the upload
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  }

  return (
    <Card component="section" aria-labelledby="choose-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="choose-title">
          Choose a file
        </Title>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            border: `2px dashed var(--mantine-color-${dragging ? 'indigo-6' : 'gray-4'})`,
            borderRadius: 'var(--mantine-radius-md)',
            background: dragging ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-body)',
            padding: 'var(--mantine-spacing-xl) var(--mantine-spacing-md)',
            textAlign: 'center',
          }}
        >
          <Stack align="center" gap="xs">
            <ThemeIcon variant="light" size={48} radius="xl">
              <IconUpload size={24} aria-hidden />
            </ThemeIcon>
            <Text fw={500}>Drop a CSV export here</Text>
            <Text size="sm" c="dimmed" maw={460}>
              HubSpot: Deals → Export → CSV. Salesforce: run an opportunities report → Export → Details only, CSV. Any other CSV works too: you map its columns next.
            </Text>
            <Button mt="xs" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => input.current?.click()}>
              Choose a file
            </Button>
            <Text size="xs" c="dimmed">
              CSV, comma- or semicolon-separated{max !== undefined ? `, up to ${formatBytes(max)}` : ''}.
            </Text>
          </Stack>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv,application/vnd.ms-excel"
            aria-label="Deals export (CSV)"
            style={{ display: 'none' }}
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (chosen) void send(chosen);
            }}
          />
        </div>
        {error ? (
          <Alert color="red" role="alert" title="This file was not uploaded">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The import under way or just finished, at whatever step it is. */
function CurrentImport({ id, onStartOver }: { id: string; onStartOver: () => void }) {
  const found = useImport(id);
  if (found.isError) {
    return (
      <Alert color="red" role="alert" title="Could not load this import">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{errorMessage(found.error)}</Text>
          <Button size="xs" variant="default" onClick={onStartOver}>
            Upload a file
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!found.data) return <Skeleton h={220} radius="md" />;
  const imp = found.data;
  if (isBusy(imp.status)) return <WorkingStep imp={imp} />;
  if (imp.status === 'needs_mapping') return <MappingStep imp={imp} onCancelled={onStartOver} />;
  if (imp.status === 'validated') return <ResultStep imp={imp} onCancelled={onStartOver} />;
  if (imp.status === 'done') return <DoneStep imp={imp} onStartOver={onStartOver} />;
  return (
    <Alert color={imp.status === 'failed' ? 'red' : 'gray'} role={imp.status === 'failed' ? 'alert' : undefined} title={imp.status === 'failed' ? `${imp.filename} could not be imported` : `The import of ${imp.filename} was cancelled`}>
      <Stack gap="xs" align="flex-start">
        {imp.error ? <Text size="sm">{imp.error}</Text> : <Text size="sm">Nothing was written.</Text>}
        <Button size="xs" onClick={onStartOver}>
          Upload a file
        </Button>
      </Stack>
    </Alert>
  );
}

/** The server reading and checking the file, or writing its rows. */
function WorkingStep({ imp }: { imp: ImportView }) {
  const cancel = useCancelImport(imp.id);
  const checking = imp.status !== 'importing';
  const total = imp.bytesTotal ?? 0;
  const pct = checking && total > 0 ? Math.min(100, Math.round((imp.bytesDone / total) * 100)) : 100;
  return (
    <Card component="section" aria-labelledby="working-title">
      <Stack gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="lg" id="working-title" className="user-text">
            {checking ? `Checking ${imp.filename}` : `Importing ${imp.rowsValid.toLocaleString()} deals from ${imp.filename}`}
          </Title>
          <Text size="sm" c="dimmed">
            {checking
              ? `${formatBytes(imp.bytesDone)} of ${formatBytes(total)} read${imp.rowsTotal > 0 ? ` · ${imp.rowsTotal.toLocaleString()} rows so far` : ''}. Nothing is written until you choose.`
              : 'Writing the deals in one go: if anything stops it, nothing is half-written. Then the KPIs computed from deals are brought up to date.'}
          </Text>
        </div>
        <Progress value={pct} size="lg" radius="xl" animated aria-label={checking ? `Checking: ${pct}%` : 'Importing'} />
        {checking ? (
          <Group justify="flex-end">
            <Button variant="default" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate(undefined)}>
              Cancel
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function DoneStep({ imp, onStartOver }: { imp: ImportView; onStartOver: () => void }) {
  return (
    <Card component="section" aria-labelledby="done-title">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="green" variant="light" size="lg" radius="xl">
            <IconCircleCheck size={22} aria-hidden />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Title order={2} fz="lg" id="done-title">
              {imp.rowsInserted.toLocaleString()} new, {imp.rowsUpdated.toLocaleString()} updated
            </Title>
            <Text size="sm" c="dimmed" className="user-text">
              {imp.filename} is imported
              {imp.rowsUnchanged > 0 ? `; ${imp.rowsUnchanged.toLocaleString()} ${imp.rowsUnchanged === 1 ? 'deal was' : 'deals were'} already up to date` : ''}
              {imp.rowsInvalid > 0 && imp.mode === 'valid_rows' ? `; ${imp.rowsInvalid.toLocaleString()} ${imp.rowsInvalid === 1 ? 'row' : 'rows'} with errors skipped` : ''}. The KPIs
              computed from deals are up to date.
            </Text>
          </div>
        </Group>
        <Group gap="sm">
          <Button component={Link} to="/deals">
            See the deals
          </Button>
          <Button component={Link} to="/goals" variant="default">
            See the goals
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onStartOver}>
            Import another file
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
