// The column-mapping step (issue 11): for a file whose header Lockstep did not recognise, each Lockstep field gets a
// select of the file's headers (required ones marked, a sample value from the first rows beside each), a saved
// preset can fill them all at once, and the mapping can be saved as a preset for the next file from that CRM.
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { MutationError } from '../shell/mutation-error.js';
import { useCancelImport, useDealFields, useMapColumns, usePresets, type ColumnMapping, type ImportView } from './import-queries.js';

/** The server's limit on a preset's name (PRESET_NAME_MAX in the schemas). */
const PRESET_NAME_MAX = 80;

export function MappingStep({ imp, onCancelled }: { imp: ImportView; onCancelled: () => void }) {
  const fields = useDealFields();
  const presets = usePresets();
  const headers = imp.headers ?? [];
  const known = new Set(headers);
  // The engine's suggestion (headers that look like a field) to start from, kept to headers the file has.
  const [mapping, setMapping] = useState<ColumnMapping>(() => Object.fromEntries(Object.entries(imp.mapping ?? {}).filter(([, h]) => known.has(h))));
  const [presetName, setPresetName] = useState('');
  const map = useMapColumns(imp.id);
  const cancel = useCancelImport(imp.id);
  const required = fields.data?.fields.filter((f) => f.required) ?? [];
  const missing = required.filter((f) => !mapping[f.field]);
  // Each header with a sample from the first rows, so a person sees what the column holds before choosing it.
  const options = headers.map((h) => ({ value: h, label: imp.samples[h] ? `${h} · e.g. ${imp.samples[h]}` : h }));

  const applyPreset = (id: string | null) => {
    const preset = presets.data?.items.find((p) => p.id === id);
    if (!preset) return;
    setMapping(Object.fromEntries(Object.entries(preset.mapping).filter(([, h]) => known.has(h))));
  };
  const presetOptions = (presets.data?.items ?? []).map((p) => {
    const fits = Object.values(p.mapping).every((h) => known.has(h));
    return { value: p.id, label: fits ? p.name : `${p.name} (some columns are not in this file)` };
  });

  return (
    <Card component="section" aria-labelledby="mapping-title" p={0}>
      <Stack gap="md" p="lg" pb="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="lg" id="mapping-title">
            Map the columns of <span className="user-text">{imp.filename}</span>
          </Title>
          <Text size="sm" c="dimmed">
            Lockstep did not recognise this file as a HubSpot or Salesforce export. For each field, choose the column of your file that holds it; fields marked * are required.
          </Text>
        </div>
        {imp.error ? (
          <Alert color="yellow" title="The mapping needs another look">
            {imp.error}
          </Alert>
        ) : null}
        {presetOptions.length > 0 ? (
          <Select label="Apply a saved preset" placeholder="Choose a preset" data={presetOptions} onChange={applyPreset} maw={420} clearable={false} />
        ) : null}
      </Stack>
      {fields.isError ? (
        <Alert color="red" role="alert" mx="lg">
          Could not load the fields; reload the page.
        </Alert>
      ) : null}
      {/* One row per field: its name and what it holds, the column it is read from, and that column's first value.
          Side by side from tablet width; stacked on a phone. */}
      <Stack gap={0} role="list" aria-label="Lockstep fields">
        {(fields.data?.fields ?? []).map((f) => {
          const header = mapping[f.field] ?? null;
          const sample = header ? imp.samples[header] : undefined;
          return (
            <SimpleGrid
              key={f.field}
              role="listitem"
              cols={{ base: 1, sm: 3 }}
              spacing="sm"
              verticalSpacing={6}
              px="lg"
              py="sm"
              style={{ borderTop: '1px solid var(--mantine-color-default-border)', alignItems: 'center' }}
            >
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {f.label}
                  {f.required ? (
                    <Text span c="red.9" aria-label="required">
                      {' '}
                      *
                    </Text>
                  ) : null}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2} title={f.description}>
                  {f.description}
                </Text>
              </div>
              <Select
                aria-label={`Column for ${f.label}`}
                placeholder={f.required ? 'Choose a column' : 'Not in this file'}
                data={options}
                value={header}
                clearable
                allowDeselect={false}
                searchable
                onChange={(v) =>
                  setMapping((m) => {
                    const next = { ...m };
                    if (v) next[f.field] = v;
                    else delete next[f.field];
                    return next;
                  })
                }
              />
              {header ? (
                <Text size="sm" c={sample ? undefined : 'dimmed'} className="user-text" lineClamp={2}>
                  {sample ? (
                    <>
                      <Text span size="xs" c="dimmed">
                        e.g.{' '}
                      </Text>
                      {sample}
                    </>
                  ) : (
                    'No value in the first rows'
                  )}
                </Text>
              ) : (
                <Text size="sm" c="dimmed" visibleFrom="sm">
                  —
                </Text>
              )}
            </SimpleGrid>
          );
        })}
      </Stack>
      <Stack gap="sm" p="lg">
        <TextInput
          label="Save as a preset (optional)"
          description="Name it after the CRM or report, to apply it to the next file with these columns."
          placeholder="e.g. Pipedrive deals"
          maxLength={PRESET_NAME_MAX}
          value={presetName}
          onChange={(e) => setPresetName(e.currentTarget.value)}
          maw={420}
        />
        <MutationError of={map} />
        <MutationError of={cancel} />
        <Group gap="sm" wrap="wrap">
          <Button disabled={missing.length > 0} loading={map.isPending} onClick={() => map.mutate({ mapping, ...(presetName.trim() ? { savePreset: presetName.trim() } : {}) })}>
            Check the file with this mapping
          </Button>
          <Button variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSuccess: onCancelled })}>
            Cancel
          </Button>
          {missing.length > 0 ? (
            <Text size="sm" c="dimmed">
              Still to choose: {missing.map((f) => f.label).join(', ')}.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
