import { Alert, Badge, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../shell/page-header.js';
import { TEAM_LABEL } from '../theme.js';
import { AwarenessCard } from './alignment-cards.js';
import { AnswerTeamPicker } from './answer-team-picker.js';
import { possessive } from './format.js';
import { QueryError } from './goal-badges.js';
import { GoalsNav } from './goals-nav.js';
import { useGoalsPermissions } from './permissions.js';
import { KindSelect } from './kind-select.js';
import { useGoalsOverview, useTakeQuiz } from './queries.js';
import type { GoalTeam, QuizResultView } from './types.js';
import { MutationError } from '../shell/mutation-error.js';

/** The awareness check: name the other team's top three, scored against its latest publication. */
export function QuizPage() {
  const { otherTeam, canAnswer } = useGoalsPermissions();
  const overview = useGoalsOverview();
  const [aboutTeam, setAboutTeam] = useState<GoalTeam>(otherTeam ?? 'marketing');
  const other = TEAM_LABEL[aboutTeam].toLowerCase();
  return (
    <>
      <PageHeader title="Awareness quiz" description={`Name ${possessive(other)} top three. "Each team should know the other team's top three KPIs."`} />
      <GoalsNav />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {!canAnswer ? (
          <Alert color="gray" title="Read only">
            Viewers can see the awareness scores but do not take the quiz.
          </Alert>
        ) : (
          <Quiz key={aboutTeam} aboutTeam={aboutTeam} onAboutTeam={otherTeam ? null : setAboutTeam} />
        )}
        {overview.isError ? <QueryError error={overview.error} title="Could not load the awareness scores" /> : null}
        {overview.data ? <AwarenessCard awareness={overview.data.awareness} canAnswer={false} /> : overview.isPending ? <Skeleton h={200} radius="md" /> : null}
      </SimpleGrid>
    </>
  );
}

function Quiz({ aboutTeam, onAboutTeam }: { aboutTeam: GoalTeam; onAboutTeam: ((t: GoalTeam) => void) | null }) {
  const quiz = useTakeQuiz();
  const [picks, setPicks] = useState<(string | null)[]>([null, null, null]);
  const [result, setResult] = useState<QuizResultView | null>(null);
  const other = TEAM_LABEL[aboutTeam].toLowerCase();
  const chosen = picks.filter((p): p is string => p !== null);

  if (result) {
    return (
      <Card component="section" aria-labelledby="result-heading">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} fz="lg" id="result-heading">
            You named {result.correct} of {result.outOf}
          </Title>
          <Badge size="lg" color={result.correct === result.outOf ? 'teal' : result.correct === 0 ? 'red' : 'yellow'} variant="light">
            {result.correct === result.outOf ? 'Spot on' : result.correct === 0 ? 'Worth a conversation' : 'Almost there'}
          </Badge>
        </Group>
        <Text size="sm" fw={600} mb={6}>
          Your answers
        </Text>
        <Stack gap={6} mb="md">
          {result.answer.map((a) => (
            <Group key={a.kind} gap="xs" wrap="nowrap">
              <ThemeIcon size={20} variant="transparent" color={a.correct ? 'teal' : 'red'} aria-hidden>
                {a.correct ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
              </ThemeIcon>
              <Text size="sm">
                {a.name} — {a.correct ? 'right' : `not in ${possessive(other)} top three`}
              </Text>
            </Group>
          ))}
        </Stack>
        <Text size="sm" fw={600} mb={6}>
          {possessive(TEAM_LABEL[result.aboutTeam])} published top three
        </Text>
        <List type="ordered" size="sm" spacing={4}>
          {result.topThree.map((t) => (
            <List.Item key={t.rank}>{t.name}</List.Item>
          ))}
        </List>
        <Button
          variant="default"
          mt="md"
          onClick={() => {
            setResult(null);
            setPicks([null, null, null]);
            quiz.reset();
          }}
        >
          Take it again
        </Button>
      </Card>
    );
  }

  return (
    <Card component="section" aria-labelledby="quiz-heading">
      <Title order={2} fz="lg" id="quiz-heading" mb={4}>
        Name {possessive(other)} top three
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        From memory, in any order.{onAboutTeam ? '' : ` Your answer counts towards your team's awareness score, checked against ${possessive(other)} latest publication.`}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          quiz.mutate({ kinds: chosen, ...(onAboutTeam ? { aboutTeam } : {}) }, { onSuccess: setResult });
        }}
      >
        <Stack gap="sm">
          {onAboutTeam ? <AnswerTeamPicker value={aboutTeam} onChange={onAboutTeam} label="Which team's top three?" /> : null}
          {[0, 1, 2].map((i) => (
            <KindSelect
              key={i}
              label={`KPI ${i + 1}`}
              placeholder="Type to find a KPI"
              clearable
              team={aboutTeam}
              taken={picks}
              value={picks[i] ?? null}
              onChange={(v) => setPicks((p) => p.map((x, j) => (j === i ? v : x)))}
            />
          ))}
          <MutationError of={quiz} />
          <Group justify="flex-end">
            <Button type="submit" loading={quiz.isPending} disabled={chosen.length === 0}>
              Check my answers
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
