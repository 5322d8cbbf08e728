import { ActionIcon, Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLinkOff, IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.js';
import type { CreatedInviteView, InviteView, Role, Team } from '../../api/types.js';
import { CopyField } from '../../shell/copy-field.js';
import { ListCard } from '../../shell/list-card.js';
import { formatDate, formatDateTime, formatRelative } from '../../shell/format.js';
import { useCreateInvite, useInvites, useRevokeInvite } from '../queries.js';
import { ROLE_LABEL, ROLE_OPTIONS, TEAM_OPTIONS, TeamBadge } from '../team-badge.js';
import { ConfirmModal } from '../../shell/confirm-modal.js';
import { DownloadCsvButton } from '../../shell/download-csv-button.js';
import { EMAIL_MAX, FUNCTION_MAX } from '../../../../src/capabilities/workspaces/domain/text-limits.js';

const STATUS_COLOR: Record<InviteView['status'], string> = { pending: 'indigo', accepted: 'teal', expired: 'gray', revoked: 'red' };
const STATUS_LABEL: Record<InviteView['status'], string> = { pending: 'Pending', accepted: 'Accepted', expired: 'Expired', revoked: 'Revoked' };

export function InvitesTab() {
  const invites = useInvites(true);
  const revoke = useRevokeInvite();
  const [creating, createModal] = useDisclosure(false);
  const [revoking, setRevoking] = useState<InviteView | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={620}>
          An invite link lets one person join this workspace with the role and team you choose. Links work once and expire.
        </Text>
        <Group gap="xs">
          {invites.items.length > 0 ? <DownloadCsvButton path="/invites.csv" what="the invites" /> : null}
          <Button leftSection={<IconMailPlus size={16} aria-hidden />} onClick={createModal.open}>
            Invite
          </Button>
        </Group>
      </Group>

      <ListCard list={invites} skeletonHeight={200} emptyTitle="No invites yet" emptyText="Create an invite link for each person who should join.">
        {(items) => (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>For</Table.Th>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((inv) => (
                  <Table.Tr key={inv.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {inv.email ?? 'Anyone with the link'}
                      </Text>
                      {inv.function ? (
                        <Text size="xs" c="dimmed">
                          {inv.function}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <TeamBadge team={inv.team} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ROLE_LABEL[inv.role]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[inv.status]} variant="light">
                        {STATUS_LABEL[inv.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={formatDateTime(inv.createdAt)}>
                        {formatDate(inv.createdAt)}
                      </Text>
                      {inv.createdByName ? (
                        <Text size="xs" c="dimmed">
                          by {inv.createdByName}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={formatDateTime(inv.expiresAt)}>
                        {inv.status === 'accepted' && inv.acceptedAt ? `Used ${formatRelative(inv.acceptedAt)}` : formatRelative(inv.expiresAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {inv.status === 'pending' ? (
                        <Tooltip label="Revoke link" withArrow>
                          <ActionIcon variant="subtle" color="red" aria-label={`Revoke link for ${inv.email ?? 'anyone'}`} onClick={() => setRevoking(inv)}>
                            <IconLinkOff size={16} />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListCard>

      <CreateInviteModal opened={creating} onClose={createModal.close} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke this link?"
        confirmLabel="Revoke link"
        cancelLabel="Keep it"
        error={revoke.error}
        pending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'Link revoked.' });
              setRevoking(null);
            },
          })
        }
      >
        The link for <b>{revoking?.email ?? 'anyone with the link'}</b> stops working at once. You can create a new one later.
      </ConfirmModal>
    </Stack>
  );
}

function CreateInviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedInviteView | null>(null);
  const close = onClose;
  return (
    <Modal opened={opened} onClose={close} onExitTransitionEnd={() => setCreated(null)} title={created ? 'Invite link ready' : 'Invite someone'} centered size="lg">
      {!opened ? null : created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" title="Copy the link now">
            It is shown only once. Send it to {created.email ?? 'the person you are inviting'}; it works once and expires on {formatDate(created.expiresAt)}.
          </Alert>
          <CopyField label="Invite link" value={created.url} testId="invite-link" />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <CreateInviteForm onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}

function CreateInviteForm({ onCreated, onCancel }: { onCreated: (i: CreatedInviteView) => void; onCancel: () => void }) {
  const create = useCreateInvite();
  const form = useForm({
    initialValues: { email: '', role: 'member', team: 'sales', function: '', expiresInDays: 7 as number | string },
    validate: {
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address or leave it empty'),
      expiresInDays: (v) => (Number(v) >= 1 && Number(v) <= 30 ? null : 'Between 1 and 30 days'),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        create.mutate(
          {
            ...(v.email.trim() ? { email: v.email.trim() } : {}),
            role: v.role as Role,
            team: v.team as Team,
            function: v.function.trim(),
            expiresInDays: Number(v.expiresInDays),
          },
          { onSuccess: onCreated },
        ),
      )}
    >
      <Stack gap="md">
        {create.error ? (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Email"
          description="Optional. When set, only this address can accept the invite."
          type="email"
          placeholder="name@company.com"
          data-autofocus
          maxLength={EMAIL_MAX}
          {...form.getInputProps('email')}
        />
        <Group grow align="flex-start">
          <Select label="Team" data={TEAM_OPTIONS} allowDeselect={false} {...form.getInputProps('team')} />
          <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Function" placeholder="e.g. SDR, Demand gen" maxLength={FUNCTION_MAX} {...form.getInputProps('function')} />
          <NumberInput label="Expires after (days)" min={1} max={30} allowDecimal={false} clampBehavior="strict" {...form.getInputProps('expiresInDays')} />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
