// Create a pain or edit one (issue 12): the statement in the buyer's words, who says it, where, how much it hurts,
// the feeling it carries, and the other ways buyers put it.
import { PAIN_LIMITS } from '../../../src/capabilities/messaging/pains/limits.js';
import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { fieldError } from '../api/client.js';
import { MutationError } from '../shell/mutation-error.js';
import { SEVERITY_LABEL } from './pain-format.js';
import { useCreatePain, useUpdatePain } from './pain-queries.js';
import type { PainView } from './pain-types.js';

interface Values {
  statement: string;
  persona: string;
  segment: string;
  severity: string;
  emotion: string;
  synonyms: string[];
}

export function PainFormModal({ pain, opened, onClose, onCreated }: { pain: PainView | null; opened: boolean; onClose: () => void; onCreated?: (p: PainView) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={pain ? 'Edit pain' : 'New pain'} size="lg">
      {opened ? <PainForm key={pain?.id ?? 'new'} pain={pain} onDone={onClose} {...(onCreated ? { onCreated } : {})} /> : null}
    </Modal>
  );
}

function PainForm({ pain, onDone, onCreated }: { pain: PainView | null; onDone: () => void; onCreated?: (p: PainView) => void }) {
  const create = useCreatePain();
  const update = useUpdatePain();
  const mutation = pain ? update : create;
  const form = useForm<Values>({
    initialValues: {
      statement: pain?.statement ?? '',
      persona: pain?.persona ?? '',
      segment: pain?.segment ?? '',
      severity: String(pain?.severity ?? 3),
      emotion: pain?.emotion ?? '',
      synonyms: pain?.synonyms ?? [],
    },
    validate: {
      statement: (v) => (v.trim().length < 3 ? 'Write the pain as the buyer says it (at least 3 characters).' : v.trim().length > PAIN_LIMITS.statement ? `Keep it under ${PAIN_LIMITS.statement} characters.` : null),
      synonyms: (v) => (v.length > PAIN_LIMITS.synonyms ? `At most ${PAIN_LIMITS.synonyms} other ways of saying it.` : v.some((s) => s.length > PAIN_LIMITS.synonym) ? `Each one at most ${PAIN_LIMITS.synonym} characters.` : null),
    },
  });
  const serverError = (field: string) => fieldError(mutation.error, field);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        const body = { statement: v.statement.trim(), persona: v.persona.trim(), segment: v.segment.trim(), severity: Number(v.severity), emotion: v.emotion.trim(), synonyms: v.synonyms };
        if (pain) {
          update.mutate(
            { painId: pain.id, patch: body },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Pain saved.' });
                onDone();
              },
            },
          );
        } else {
          create.mutate(body, {
            onSuccess: (saved) => {
              notifications.show({ color: 'teal', message: 'Pain added to the library.' });
              onCreated?.(saved);
              onDone();
            },
          });
        }
      })}
    >
      <Stack gap="md">
        <Textarea
          label="The pain, in the buyer's words"
          description="Write it as a buyer would say it on a call, not as a feature: “Inbound leads go cold before anyone calls them”."
          required
          autosize
          minRows={2}
          maxLength={PAIN_LIMITS.statement}
          data-autofocus
          {...form.getInputProps('statement')}
          error={form.errors.statement ?? serverError('statement')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Persona" placeholder="VP Sales" maxLength={PAIN_LIMITS.persona} {...form.getInputProps('persona')} />
          <TextInput label="Segment" placeholder="Mid-market SaaS" maxLength={PAIN_LIMITS.segment} {...form.getInputProps('segment')} />
          <TextInput label="Emotion" placeholder="Frustrated" maxLength={PAIN_LIMITS.emotion} {...form.getInputProps('emotion')} />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4} id="severity-label">
            Severity
          </Text>
          <SegmentedControl
            aria-labelledby="severity-label"
            fullWidth
            data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} · ${SEVERITY_LABEL[n]}` }))}
            {...form.getInputProps('severity')}
          />
        </div>
        <TagsInput
          label="Other ways buyers say it"
          description={`Press Enter after each. They help the analyzer and the evidence form find this pain (up to ${PAIN_LIMITS.synonyms}, each at most ${PAIN_LIMITS.synonym} characters).`}
          placeholder="“we call back too late”"
          maxTags={PAIN_LIMITS.synonyms}
          clearable
          splitChars={[]}
          {...form.getInputProps('synonyms')}
          error={form.errors.synonyms ?? serverError('synonyms')}
        />
        <MutationError of={mutation} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {pain ? 'Save pain' : 'Add pain'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
