// "Post a win" and "Edit win" (issue 13): kind, title, story, the day it happened and the people credited. The limits
// are the server's (maxLength, the date window); what the server refuses shows under its field.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { fieldError } from '../api/client.js';
import { wonOnProblem } from '../../../src/capabilities/wins/domain/won-on.js';
import { addDays, todayIn } from '../checkins/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { useSession } from '../shell/session.js';
import { CreditsPicker } from './credits-picker.js';
import { KIND_OPTIONS, WIN_LIMITS } from './format.js';
import { usePostWin, useUpdateWin } from './queries.js';
import type { PersonRef, WinInput, WinKind, WinView } from './types.js';

interface Values {
  kind: WinKind;
  title: string;
  story: string;
  wonOn: string;
  credited: PersonRef[];
}

/** The days the server takes (its own limits): ten years back to a day ahead (a win posted late, further east). */
function dateWindow(timeZone: string) {
  const today = todayIn(timeZone);
  const [y = 1970] = today.split('-').map(Number);
  return { min: `${String(y - WIN_LIMITS.yearsBack).padStart(4, '0')}${today.slice(4)}`, max: addDays(today, WIN_LIMITS.daysAhead), today };
}

/** The fields of the form that differ from the win as it is. */
function changedFields(win: WinView, next: WinInput): Partial<WinInput> {
  const patch: Partial<WinInput> = {};
  if (next.kind !== win.kind) patch.kind = next.kind;
  if (next.title !== win.title) patch.title = next.title;
  if ((next.story ?? '') !== win.story) patch.story = next.story;
  if (next.wonOn !== win.wonOn) patch.wonOn = next.wonOn;
  if (next.creditedMemberIds.join() !== win.credited.map((p) => p.memberId).join()) patch.creditedMemberIds = next.creditedMemberIds;
  return patch;
}

export function WinFormModal({ opened, onClose, win }: { opened: boolean; onClose: () => void; win?: WinView }) {
  const { workspace, member } = useSession();
  const post = usePostWin();
  const update = useUpdateWin(win?.id ?? '');
  const save = win ? update : post;
  const dates = dateWindow(workspace.timeZone);
  const me: PersonRef = { memberId: member.id, name: member.name, team: member.team };
  const initial = (): Values =>
    win
      ? { kind: win.kind, title: win.title, story: win.story, wonOn: win.wonOn, credited: win.credited }
      : { kind: 'deal_won', title: '', story: '', wonOn: dates.today, credited: [me] };
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the win a title.'),
      wonOn: (v) => (!v ? 'Pick the day it happened.' : wonOnProblem(v, dates.today)),
      credited: (v) => (v.length === 0 ? 'Credit at least one person.' : null),
    },
  });
  // Opening the dialog starts from the win as it is now (or a blank one).
  useEffect(() => {
    if (opened) form.setValues(initial());
  }, [opened, win?.id, win?.updatedAt]);

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.onSubmit((v) => {
    const full = { kind: v.kind, title: v.title.trim(), story: v.story.trim(), wonOn: v.wonOn, creditedMemberIds: v.credited.map((p) => p.memberId) };
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: win ? 'The win is saved.' : 'Posted — it is at the top of the feed.' });
        onClose();
        save.reset();
      },
    };
    if (!win) return post.mutate(full, done);
    // An edit sends only what changed: credits left alone stay as they are, even someone deactivated since.
    const patch = changedFields(win, full);
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate(patch, done);
  });
  const storyLength = form.values.story.length;
  return (
    <Modal opened={opened} onClose={close} title={win ? 'Edit win' : 'Post a win'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} error={fieldError(save.error, 'kind')} miw={200} />
            <TextInput
              label="Day it happened"
              type="date"
              required
              min={dates.min}
              max={dates.max}
              {...form.getInputProps('wonOn')}
              error={form.errors.wonOn ?? fieldError(save.error, 'wonOn')}
              miw={160}
            />
          </Group>
          <TextInput
            label="Title"
            placeholder="e.g. Acme signed after the ROI webinar"
            required
            maxLength={WIN_LIMITS.title}
            data-autofocus
            {...form.getInputProps('title')}
            error={form.errors.title ?? fieldError(save.error, 'title')}
          />
          <Textarea
            label="Story"
            description={`What happened and who made it happen — optional, up to ${WIN_LIMITS.story.toLocaleString()} characters${storyLength > WIN_LIMITS.story * 0.8 ? ` (${storyLength.toLocaleString()} so far)` : ''}.`}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={WIN_LIMITS.story}
            {...form.getInputProps('story')}
            error={fieldError(save.error, 'story')}
          />
          <CreditsPicker value={form.values.credited} onChange={(people) => form.setFieldValue('credited', people)} error={form.errors.credited ?? fieldError(save.error, 'creditedMemberIds')} />
          <MutationError of={save} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {win ? 'Save' : 'Post win'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
