import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { TEAM_LABEL } from '../theme.js';
import { MemberSelect } from '../workspaces/member-picker.js';
import { compWeightProblem, measureProblem } from '../../../src/capabilities/goals/domain/kpi-input-rules.js';
import { DATA_SOURCE_LABEL, DIRECTION_LABEL, fromApiValue, PERIOD_LABEL, rangeHint, toApiValue, UNIT_LABEL, UNIT_SHORT } from './format.js';
import { isDealKpiKind } from '../../../src/capabilities/deals/domain/compute-kpis.js';
import { KindSelect } from './kind-select.js';
import { useCreateKpi, useUpdateKpi } from './queries.js';
import type { GoalTeam, KpiKindView, KpiUnit, KpiView, PeriodKind } from './types.js';
import { MutationError } from '../shell/mutation-error.js';

const DATA_SOURCES = ['manual', 'csv', 'webhook', 'deals'] as const;
const PERIODS: PeriodKind[] = ['week', 'month', 'quarter'];

interface Values {
  name: string;
  kind: string | null;
  measurement: string;
  dataSource: string;
  period: string;
  target: number | string;
  baseline: number | string;
  ownerMemberId: string | null;
  compensated: boolean;
  compWeight: number | string;
  rank: string;
}

/** Create a KPI for `team` (kpi null) or edit one. Money is entered in dollars; the API takes cents. */
export function KpiFormModal({ team, kpi, opened, onClose }: { team: GoalTeam; kpi: KpiView | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={kpi ? `Edit ${kpi.name}` : `New ${TEAM_LABEL[team].toLowerCase()} KPI`} size="lg">
      {opened ? <KpiForm key={kpi?.id ?? 'new'} team={team} kpi={kpi} onDone={onClose} /> : null}
    </Modal>
  );
}

function KpiForm({ team, kpi, onDone }: { team: GoalTeam; kpi: KpiView | null; onDone: () => void }) {
  const create = useCreateKpi();
  const update = useUpdateKpi();
  const mutation = kpi ? update : create;

  const form = useForm<Values>({
    initialValues: {
      name: kpi?.name ?? '',
      kind: kpi?.kind ?? null,
      measurement: kpi?.measurement ?? '',
      dataSource: kpi?.dataSource ?? 'manual',
      period: kpi?.period ?? 'month',
      target: kpi?.target != null ? fromApiValue(kpi.target, kpi.unit) : '',
      baseline: kpi?.baseline != null ? fromApiValue(kpi.baseline, kpi.unit) : '',
      ownerMemberId: kpi?.ownerMemberId ?? null,
      compensated: kpi?.compensated ?? false,
      compWeight: kpi?.compWeight ?? 0,
      rank: kpi?.rank ? String(kpi.rank) : 'none',
    },
    validate: {
      name: (v) => (v.trim().length < 2 ? 'Give the KPI a name (at least 2 characters).' : null),
      kind: (v) => (v ? null : 'Pick a kind from the catalog.'),
      measurement: (v, all) => (all.rank !== 'none' && v.trim() === '' ? 'Say how it is measured before ranking it in the top three.' : null),
      // The server's own rules (domain/kpi-input-rules.ts), in the unit of the kind chosen, so nothing is refused
      // after submit that the form could have said before it.
      target: (v, all) => measureCheck(v, 'target', all.name),
      baseline: (v, all) => measureCheck(v, 'baseline', all.name),
      compWeight: (v, all) => (all.compensated ? compWeightProblem(v === '' ? Number.NaN : Number(v), all.name) : null),
    },
  });

  // The chosen kind: the KPI's own until another is picked (the catalog is searched, not loaded whole).
  const [selected, setSelected] = useState<Pick<KpiKindView, 'id' | 'name' | 'unit' | 'direction' | 'measuredAs'> | null>(
    kpi ? { id: kpi.kind, name: kpi.kindName, unit: kpi.unit, direction: kpi.direction, measuredAs: '' } : null,
  );
  const unit: KpiUnit = selected?.unit ?? kpi?.unit ?? 'count';
  // The validators run on submit, with the unit of the kind chosen by then.
  const unitNow = useRef(unit);
  unitNow.current = unit;
  // Entered in dollars for money; checked in stored units, as the server checks it.
  function measureCheck(v: number | string, field: 'target' | 'baseline', name: string): string | null {
    if (v === '' || v === null) return null;
    return measureProblem(toApiValue(Number(v), unitNow.current), unitNow.current, { field, kpiName: name });
  }

  const pickKind = (id: string | null, next: KpiKindView | null) => {
    const prev = selected;
    form.setFieldValue('kind', id);
    setSelected(next);
    if (!next) return;
    // Prefill what the person has not written themselves: the name and the suggested measurement.
    if (form.values.name.trim() === '' || form.values.name === prev?.name) form.setFieldValue('name', next.name);
    if (form.values.measurement.trim() === '' || form.values.measurement === prev?.measuredAs) form.setFieldValue('measurement', next.measuredAs);
  };

  const source = dataSourceHelp(form.values.dataSource, kpi, selected);
  const numberProps = unit === 'currency' ? { prefix: '$', thousandSeparator: ',', decimalScale: 2 } : unit === 'percent' ? { suffix: '%', decimalScale: 1 } : { decimalScale: 2 };
  const toMeasure = (v: number | string) => (v === '' || v === null ? null : toApiValue(Number(v), unit));

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (source.problem) return;
        const body = {
          name: v.name.trim(),
          kind: v.kind ?? '',
          measurement: v.measurement.trim(),
          dataSource: v.dataSource as (typeof DATA_SOURCES)[number],
          period: v.period as PeriodKind,
          target: toMeasure(v.target),
          baseline: toMeasure(v.baseline),
          ownerMemberId: v.ownerMemberId,
          compensated: v.compensated,
          compWeight: v.compensated ? Number(v.compWeight) : 0,
          rank: v.rank === 'none' ? null : Number(v.rank),
        };
        const done = (saved: KpiView) => {
          notifications.show({ color: 'teal', message: kpi ? `${saved.name} saved.` : `${saved.name} created.` });
          onDone();
        };
        if (kpi) update.mutate({ kpiId: kpi.id, patch: body }, { onSuccess: done });
        else create.mutate({ team, ...body }, { onSuccess: done });
      })}
    >
      <Stack gap="md">
        <KindSelect
          label="Kind"
          description="From the KPI catalog; it sets the unit and which direction is better."
          placeholder="Type to find a kind"
          required
          team={team}
          withUnit
          selectedLabel={kpi ? `${kpi.kindName} (${UNIT_SHORT[kpi.unit]})` : null}
          value={form.values.kind}
          onChange={pickKind}
          error={form.errors.kind}
        />
        {selected ? (
          <Text size="xs" c="dimmed" mt={-8}>
            Unit: {UNIT_LABEL[selected.unit]} · {DIRECTION_LABEL[selected.direction]}
          </Text>
        ) : null}
        <TextInput label="Name" required maxLength={80} {...form.getInputProps('name')} />
        <Textarea
          label="How it's measured"
          description="Required before the KPI can be in the top three: the exact definition the other team will read."
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('measurement')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Data source"
            data={DATA_SOURCES.map((d) => ({ value: d, label: DATA_SOURCE_LABEL[d] ?? d }))}
            allowDeselect={false}
            {...form.getInputProps('dataSource')}
            description={source.help}
            error={form.errors.dataSource ?? source.problem}
          />
          <Select label="Target period" data={PERIODS.map((p) => ({ value: p, label: PERIOD_LABEL[p] }))} allowDeselect={false} {...form.getInputProps('period')} />
          <NumberInput
            label={`Target per ${form.values.period}`}
            description={`${selected ? (selected.direction === 'higher' ? 'At least this much' : 'At most this much') : 'In the kind’s unit'}; ${rangeHint(unit)}`}
            {...numberProps}
            clampBehavior="none"
            {...form.getInputProps('target')}
          />
          <NumberInput label="Baseline" description={`Where it stands today, for comparison; ${rangeHint(unit)}`} {...numberProps} clampBehavior="none" {...form.getInputProps('baseline')} />
          <MemberSelect
            label="Owner"
            placeholder="No owner"
            clearable
            selectedLabel={kpi?.ownerName}
            value={form.values.ownerMemberId}
            onChange={(id) => form.setFieldValue('ownerMemberId', id)}
          />
          <Select
            label="Rank in the top three"
            data={[
              { value: 'none', label: 'Not ranked' },
              { value: '1', label: '#1' },
              { value: '2', label: '#2' },
              { value: '3', label: '#3' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('rank')}
          />
        </SimpleGrid>
        <Group align="flex-end" gap="lg">
          <Switch label="In the team's pay plan" description="Compensated on this KPI" {...form.getInputProps('compensated', { type: 'checkbox' })} />
          {/* Never clamped: a weight of 150% is shown as refused, not quietly turned into 100%. */}
          <NumberInput
            label="Comp weight"
            description="0–100% of variable pay"
            suffix="%"
            allowDecimal={false}
            clampBehavior="none"
            w={180}
            disabled={!form.values.compensated}
            {...form.getInputProps('compWeight')}
          />
        </Group>
        <MutationError of={mutation} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {kpi ? 'Save KPI' : 'Create KPI'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * What the chosen data source means for this KPI's values (decision 039), and why 'deals' cannot be chosen for a kind
 * the deals do not measure (the server refuses it too; an older such KPI keeps it while its kind stays).
 */
function dataSourceHelp(dataSource: string, kpi: KpiView | null, kind: Pick<KpiKindView, 'id' | 'name'> | null): { help: string | null; problem: string | null } {
  const wasComputed = kpi?.dataSource === 'deals';
  if (dataSource === 'deals') {
    if (kind && !isDealKpiKind(kind.id)) {
      const unchanged = wasComputed && kpi.kind === kind.id;
      return unchanged
        ? { help: `The deals don’t measure ${kind.name}, so nothing fills this KPI in; pick another source to enter values.`, problem: null }
        : { help: null, problem: `The deals don’t measure ${kind.name}: pick another data source.` };
    }
    const replaced = kpi && !wasComputed ? ' Saving replaces the values typed so far with the computed ones.' : '';
    return { help: `Filled in from imported deals after every import; values can’t be typed.${replaced}`, problem: null };
  }
  if (wasComputed) return { help: 'Its computed values stay as history; new values come from this source.', problem: null };
  return { help: null, problem: null };
}
