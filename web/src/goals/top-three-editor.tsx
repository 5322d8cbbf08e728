import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { SearchSelect } from '../shell/search-select.js';
import { TEAM_LABEL } from '../theme.js';
import { useKpiSearch, useSetTopThree } from './queries.js';
import type { GoalTeam, KpiView } from './types.js';
import { MutationError } from '../shell/mutation-error.js';

/**
 * Three pickers, #1 to #3, saved in one step (PUT /goals/top-three). Publishing is a separate, deliberate act.
 * `kpis` holds at least the team's ranked KPIs (they come first in the list); the pickers search all of them.
 */
export function TopThreeEditor({ team, kpis, opened, onClose }: { team: GoalTeam; kpis: KpiView[]; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Set the ${TEAM_LABEL[team].toLowerCase()} top three`}>
      {opened ? <Editor team={team} kpis={kpis} onDone={onClose} /> : null}
    </Modal>
  );
}

function Editor({ team, kpis, onDone }: { team: GoalTeam; kpis: KpiView[]; onDone: () => void }) {
  const initial = [1, 2, 3].map((r) => kpis.find((k) => k.rank === r)?.id ?? null);
  const [picks, setPicks] = useState<(string | null)[]>(initial);
  const save = useSetTopThree();
  const set = (i: number, v: string | null) => setPicks((p) => p.map((x, j) => (j === i ? v : x)));
  const chosen = picks.filter((p): p is string => p !== null);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { team, kpiIds: chosen },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', title: 'Top three saved', message: 'Publish it so the other team sees the change.' });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A KPI needs a "how it's measured" definition before it can be ranked. Empty ranks close up: #1 is the first one picked.
        </Text>
        {[0, 1, 2].map((i) => (
          <SearchSelect<KpiView>
            key={i}
            label={`#${i + 1}`}
            placeholder="Not set"
            clearable
            value={picks[i] ?? null}
            selectedLabel={kpis.find((k) => k.id === picks[i])?.name ?? null}
            onChange={(v) => set(i, v)}
            useResults={(q) => {
              const found = useKpiSearch(team, q);
              return { items: found.data?.items ?? [], searching: found.isFetching, more: found.data ? found.data.total - found.data.items.length : 0 };
            }}
            toOption={(k) => ({
              value: k.id,
              label: k.measurement.trim() ? k.name : `${k.name} (needs a measurement)`,
              disabled: !k.measurement.trim() || (picks.includes(k.id) && picks[i] !== k.id),
            })}
            nothingFound={`No ${TEAM_LABEL[team].toLowerCase()} KPI matches.`}
            noun="KPIs"
          />
        ))}
        <MutationError of={save} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save top three
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
