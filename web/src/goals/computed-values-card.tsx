// Where a KPI computed from deals gets its values (decisions 033 and 039), shown on its page instead of the value
// entry forms: the server refuses typed values for it, since the next recompute would replace them.
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconCoin, IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DEAL_KPI_RULES, isDealKpiKind } from '../../../src/capabilities/deals/domain/compute-kpis.js';
import { useSession } from '../shell/session.js';
import type { KpiView } from './types.js';

/** The rule's text for one period: "Sum of … created in the period" reads "… created in the quarter". */
function measuredPer(kind: string, period: KpiView['period']): string | null {
  if (!isDealKpiKind(kind)) return null;
  const text = DEAL_KPI_RULES[kind].measuredAs.replace(/\bthe period\b/g, `the ${period}`);
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Copy the server would say, for the page: `canEdit` people are told how to take the KPI back to typed values. */
export function ComputedValuesCard({ kpi, canEdit }: { kpi: KpiView; canEdit: boolean }) {
  const { member } = useSession();
  const canImport = member.role === 'admin' || member.role === 'leader';
  const measured = measuredPer(kpi.kind, kpi.period);
  const byHand = canEdit ? 'To enter values by hand instead, change its data source with Edit KPI.' : 'A lead of the team can change its data source to enter values by hand.';
  return (
    <Card component="section" aria-labelledby="computed-heading">
      <Title order={2} fz="lg" id="computed-heading" mb={4}>
        Where the values come from
      </Title>
      {measured ? (
        <>
          <Text size="sm">
            Computed from the deals imported from your CRM, and recomputed after every import. Each {kpi.period}: {measured}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            Values can’t be typed here: the next import would replace them. {byHand}
          </Text>
        </>
      ) : (
        <Text size="sm">
          Set to be computed from deals, but the deals don’t measure {kpi.kindName}, so nothing fills it in. {byHand}
        </Text>
      )}
      <Group gap="sm" mt="md">
        <Button component={Link} to="/deals" variant="default" size="sm" leftSection={<IconCoin size={16} aria-hidden />}>
          See the deals
        </Button>
        {measured && canImport ? (
          <Button component={Link} to="/deals/import" variant="light" size="sm" leftSection={<IconFileImport size={16} aria-hidden />}>
            Import deals
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}
