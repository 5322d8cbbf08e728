import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';
import { TEAM_LABEL } from '../theme.js';
import { NO_SHRINK, SharedBadge } from './goal-badges.js';
import { useGoalsPermissions } from './permissions.js';
import { useShareKpi, useUnshareKpi } from './queries.js';
import type { KpiView } from './types.js';

/**
 * Sharing a KPI takes both teams: a lead of its team proposes, a lead of the other team accepts; a lead of either
 * withdraws a proposal or stops sharing. Only the buttons the server would accept are shown.
 */
export function ShareActions({ kpi }: { kpi: KpiView }) {
  const { leads } = useGoalsPermissions();
  const share = useShareKpi();
  const unshare = useUnshareKpi();
  const other = kpi.team === 'sales' ? 'marketing' : 'sales';
  const eitherLead = leads(kpi.team) || leads(other);
  const onError = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: errorMessage(err) });
  const propose = () =>
    share.mutate(kpi.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: `Proposed ${kpi.name} as a shared goal; a ${other} lead accepts it.` }),
      onError: onError('Could not propose sharing'),
    });
  const accept = () =>
    share.mutate(kpi.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: `${kpi.name} is now a shared goal.` }),
      onError: onError('Could not accept sharing'),
    });
  const stop = (message: string) =>
    unshare.mutate(kpi.id, { onSuccess: () => notifications.show({ color: 'teal', message }), onError: onError('Could not change sharing') });

  if (kpi.shared) {
    return (
      <Group gap={6} wrap="nowrap">
        <SharedBadge />
        {eitherLead ? (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            loading={unshare.isPending}
            onClick={() => stop(`${kpi.name} is no longer shared.`)}
            aria-label={`Stop sharing ${kpi.name}`}
          >
            Stop sharing
          </Button>
        ) : null}
      </Group>
    );
  }
  if (kpi.sharedProposedByTeam) {
    const byUs = leads(kpi.sharedProposedByTeam);
    return (
      <Group gap={6} wrap="wrap">
        <Badge color="teal" variant="light" radius="sm" styles={NO_SHRINK}>
          Proposed by {TEAM_LABEL[kpi.sharedProposedByTeam].toLowerCase()}
        </Badge>
        {leads(other) ? (
          <Button size="compact-xs" color="teal.9" loading={share.isPending} onClick={accept} aria-label={`Accept sharing ${kpi.name}`}>
            Accept
          </Button>
        ) : null}
        {eitherLead ? (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            loading={unshare.isPending}
            onClick={() => stop(byUs ? 'Proposal withdrawn.' : 'Proposal declined.')}
            aria-label={`${byUs ? 'Withdraw' : 'Decline'} sharing ${kpi.name}`}
          >
            {byUs ? 'Withdraw' : 'Decline'}
          </Button>
        ) : null}
      </Group>
    );
  }
  if (leads(kpi.team)) {
    return (
      <Button size="compact-xs" variant="light" color="teal" loading={share.isPending} onClick={propose} aria-label={`Propose sharing ${kpi.name}`}>
        Propose sharing
      </Button>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      Not shared
    </Text>
  );
}
