// The marketing-source rule in plain words (SPEC S7: "decided by a rule the admin can see and change"), and for admins
// the control that changes it: the source values the workspace's deals carry, with their counts, to tick, and any
// other value to type in. Saving rewrites every deal's flag and recomputes the marketing-sourced KPIs.
import { Button, Card, Checkbox, Group, Modal, ScrollArea, Skeleton, Stack, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { formatDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { usePermissions } from '../shell/session.js';
import { useDealSettings, useDealSources, useSaveMarketingRule } from './deals-queries.js';

const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** 'A', 'B' and 'C' */
function listWords(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)!}`;
}

export function MarketingRuleCard() {
  const settings = useDealSettings();
  const { isAdmin } = usePermissions();
  const [editing, setEditing] = useState(false);
  return (
    <Card component="section" aria-labelledby="marketing-rule">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Title order={2} fz="md" id="marketing-rule">
            What counts as marketing-sourced
          </Title>
          <MutationError of={settings} />
          {settings.data ? (
            <>
              <Text size="sm">
                {settings.data.marketingSources.length === 0
                  ? 'No source counts as marketing: no deal is marketing-sourced.'
                  : `A deal is marketing-sourced when its source is one of: ${listWords(settings.data.marketingSources)}.`}
              </Text>
              <Text size="xs" c="dimmed">
                {settings.data.isDefault
                  ? 'These are the marketing channels HubSpot and Salesforce name by default; no admin has changed them yet.'
                  : `Set by ${settings.data.updatedByName ?? 'a former member'}${settings.data.updatedAt ? ` on ${formatDate(settings.data.updatedAt)}` : ''}.`}{' '}
                Compared ignoring case and extra spaces. The marketing-sourced pipeline KPI counts these deals.
              </Text>
            </>
          ) : settings.isPending ? (
            <Skeleton h={40} />
          ) : null}
        </Stack>
        {isAdmin && settings.data ? (
          <Button variant="default" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            Change the rule
          </Button>
        ) : null}
      </Group>
      {editing && settings.data ? <RuleModal current={settings.data.marketingSources} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

function RuleModal({ current, onClose }: { current: string[]; onClose: () => void }) {
  const sources = useDealSources(true);
  const save = useSaveMarketingRule();
  const seen = sources.data?.items ?? [];
  const seenKeys = new Set(seen.map((s) => key(s.source)));
  const [picked, setPicked] = useState<Set<string>>(() => new Set(current.map(key)));
  // Values of the rule no deal carries (yet) stay, and more can be typed.
  const [others, setOthers] = useState<string[]>(() => current.filter((c) => !seenKeys.has(key(c))));
  const typed = others.filter((o) => !seenKeys.has(key(o)));
  const rule = [...seen.filter((s) => picked.has(key(s.source))).map((s) => s.source), ...typed];
  const deals = seen.filter((s) => picked.has(key(s.source))).reduce((a, s) => a + s.deals, 0);

  const submit = () =>
    save.mutate(rule, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: `Saved. ${r.marketingSourcedDeals.toLocaleString()} ${r.marketingSourcedDeals === 1 ? 'deal is' : 'deals are'} marketing-sourced now${r.kpisRecomputed > 0 ? `; ${r.kpisRecomputed} ${r.kpisRecomputed === 1 ? 'KPI was' : 'KPIs were'} recomputed` : ''}.` });
        onClose();
      },
    });

  return (
    <Modal opened onClose={onClose} title="Which sources count as marketing?" size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Tick the source values your deals carry that marketing brought in. Saving marks every deal again and recomputes the KPIs measured from deals.
        </Text>
        {sources.isError ? <Text c="red" size="sm">{errorMessage(sources.error)}</Text> : null}
        {sources.isPending ? (
          <Skeleton h={160} />
        ) : seen.length === 0 ? (
          <Text size="sm">No deal has a source value yet: type the values below.</Text>
        ) : (
          <ScrollArea.Autosize mah={300} type="auto">
            <Stack gap={6}>
              {seen.map((s) => (
                <Group key={s.source} justify="space-between" wrap="nowrap" gap="sm">
                  <Checkbox
                    label={s.source}
                    checked={picked.has(key(s.source))}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.currentTarget.checked) next.add(key(s.source));
                      else next.delete(key(s.source));
                      setPicked(next);
                    }}
                    styles={{ label: { overflowWrap: 'anywhere' } }}
                  />
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                    {s.deals.toLocaleString()} {s.deals === 1 ? 'deal' : 'deals'}
                  </Text>
                </Group>
              ))}
              {sources.data && sources.data.distinct > seen.length ? (
                <Text size="xs" c="dimmed">
                  The {seen.length} values with the most deals are listed; type any other below.
                </Text>
              ) : null}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <TagsInput
          label="Other source values"
          description="Values no deal carries yet, e.g. for the next import. Press Enter after each."
          value={typed}
          onChange={(values) => {
            // A typed value that a deal carries ticks it in the list instead.
            const next = new Set(picked);
            const rest: string[] = [];
            for (const v of values) {
              if (seenKeys.has(key(v))) next.add(key(v));
              else rest.push(v.slice(0, 100));
            }
            setPicked(next);
            setOthers(rest);
          }}
          maxTags={100}
          splitChars={[',']}
          clearable
        />
        <MutationError of={save} />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed">
            {rule.length} {rule.length === 1 ? 'source' : 'sources'}
            {seen.length > 0 ? ` · ${deals.toLocaleString()} of the listed deals` : ''}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={rule.length > 100}>
              Save the rule
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
