import { SegmentedControl, Stack, Text } from '@mantine/core';
import { TEAM_LABEL } from '../theme.js';
import type { GoalTeam } from './types.js';

/** Leadership members answer about either team; they choose which. */
export function AnswerTeamPicker({ value, onChange, label }: { value: GoalTeam; onChange: (t: GoalTeam) => void; label: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id="answer-team-label">
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby="answer-team-label"
        value={value}
        onChange={(v) => onChange(v as GoalTeam)}
        data={[
          { value: 'marketing', label: TEAM_LABEL.marketing },
          { value: 'sales', label: TEAM_LABEL.sales },
        ]}
        w="fit-content"
      />
    </Stack>
  );
}
