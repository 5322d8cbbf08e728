// One quarter's program: your own day first (when you take part), then progress, the pairs, the calendar of the
// quarter's days, the reflections written and who takes part. On a wide screen progress and participants sit in a
// side column; on a phone progress comes right after your day, before the long lists.
import { Grid, Skeleton, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { MutationError } from '../shell/mutation-error.js';
import { MyDayCard } from './my-day-card.js';
import { PairsCard } from './pairs-card.js';
import { ParticipantsCard } from './participants-card.js';
import { ProgressCard } from './progress-card.js';
import { QuarterCalendar } from './quarter-calendar.js';
import { useProgram } from './queries.js';
import { ReflectionsCard } from './reflections-card.js';

export function ProgramView({ id }: { id: string }) {
  const program = useProgram(id);
  // Mantine's md breakpoint, where the grid below gets its side column.
  const wide = useMediaQuery('(min-width: 62em)') ?? false;
  const p = program.data;
  if (program.isPending) return program.isError ? <MutationError of={program} /> : <Skeleton h={320} radius="md" />;
  if (!p) return <MutationError of={program} />;
  const main = (
    <>
      <PairsCard program={p} />
      <QuarterCalendar program={p} />
      <ReflectionsCard program={p} />
    </>
  );
  if (!wide) {
    return (
      <Stack gap="lg">
        <MyDayCard program={p} />
        <ProgressCard program={p} />
        {main}
        <ParticipantsCard program={p} />
      </Stack>
    );
  }
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <Stack gap="lg">
          <MyDayCard program={p} />
          {main}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <Stack gap="lg">
          <ProgressCard program={p} />
          <ParticipantsCard program={p} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
