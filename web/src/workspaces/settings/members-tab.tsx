import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SegmentedControl,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.js';
import type { AddMemberView, MemberUpdateInput, MemberView, Role, Team } from '../../api/types.js';
import { CopyField } from '../../shell/copy-field.js';
import { initials } from '../../shell/format.js';
import { LoadMore } from '../../shell/load-more.js';
import { useSearchText } from '../../shell/search-select.js';
import { usePermissions, useSession } from '../../shell/session.js';
import { TEAM_COLOR } from '../../theme.js';
import { DownloadCsvButton } from '../../shell/download-csv-button.js';
import { MemberSelect } from '../member-picker.js';
import { useAddMember, useMembersList, useMemberSummary, useUpdateMember } from '../queries.js';
import { ROLE_LABEL, ROLE_OPTIONS, TEAM_OPTIONS, TeamBadge } from '../team-badge.js';
import { EMAIL_MAX, FUNCTION_MAX, NAME_MAX } from '../../../../src/capabilities/workspaces/domain/text-limits.js';

export function MembersTab() {
  const { isAdmin } = usePermissions();
  const { member: self } = useSession();
  const [query, setQuery] = useState('');
  const [team, setTeam] = useState<'all' | Team>('all');
  // The server searches and pages: active and invited people first, then by name.
  const q = useSearchText(query);
  const members = useMembersList({ q, ...(team === 'all' ? {} : { team }) });
  const summary = useMemberSummary();
  const [editing, setEditing] = useState<MemberView | null>(null);
  const [adding, addModal] = useDisclosure(false);
  const update = useUpdateMember();
  const shown = members.items;

  if (members.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(members.error)}
      </Alert>
    );
  }

  const toggleKeyPlayer = (m: MemberView, keyPlayer: boolean) =>
    update.mutate(
      { id: m.id, patch: { keyPlayer } },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: `${m.name} is ${keyPlayer ? 'now' : 'no longer'} a key player.` }),
        onError: (err) => notifications.show({ color: 'red', title: 'Could not change key player', message: errorMessage(err) }),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label="Search members"
            placeholder="Search by name, email or function"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={300}
          />
          <SegmentedControl
            aria-label="Filter by team"
            value={team}
            onChange={(v) => setTeam(v as 'all' | Team)}
            data={[{ value: 'all', label: 'All teams' }, ...TEAM_OPTIONS]}
          />
        </Group>
        <Group gap="xs">
          <DownloadCsvButton path="/members.csv" params={{ q, team: team === 'all' ? undefined : team }} what="the people list" />
          {isAdmin ? (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={addModal.open}>
              Add member
            </Button>
          ) : null}
        </Group>
      </Group>

      <Card p={0}>
        {members.isPending ? (
          <Skeleton h={320} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Function</Table.Th>
                  <Table.Th>Manager</Table.Th>
                  <Table.Th>Key player</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {isAdmin ? (
                    <Table.Th w={60}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((m) => (
                  <Table.Tr key={m.id} style={m.active ? undefined : { opacity: 0.65 }}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar size={34} radius="xl" color={TEAM_COLOR[m.team]} aria-hidden>
                          {initials(m.name)}
                        </Avatar>
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm" fw={500}>
                            {m.name}
                            {m.id === self.id ? (
                              <Text span c="dimmed" size="xs">
                                {' '}
                                (you)
                              </Text>
                            ) : null}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {m.email}
                          </Text>
                        </div>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <TeamBadge team={m.team} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ROLE_LABEL[m.role]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.function || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.managerName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {isAdmin ? (
                        <Switch
                          checked={m.keyPlayer}
                          onChange={(e) => toggleKeyPlayer(m, e.currentTarget.checked)}
                          aria-label={`${m.name} is a key player`}
                          disabled={!m.active}
                        />
                      ) : m.keyPlayer ? (
                        <Badge variant="light" color="indigo" size="sm">
                          Key player
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <MemberStatus member={m} />
                    </Table.Td>
                    {isAdmin ? (
                      <Table.Td>
                        <Tooltip label="Edit member" withArrow>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${m.name}`} onClick={() => setEditing(m)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
                {shown.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={isAdmin ? 8 : 7}>
                      <Text size="sm" c="dimmed" ta="center" py="md">
                        No members match.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {members.first ? <LoadMore list={members} total={members.first.total} noun={q || team !== 'all' ? 'matching people' : 'people'} /> : null}
      </Card>
      {summary.data ? (
        <Text size="xs" c="dimmed">
          {summary.data.people.active.toLocaleString()} active
          {summary.data.people.invited > 0 ? `, ${summary.data.people.invited.toLocaleString()} invited` : ''} of{' '}
          {(summary.data.people.active + summary.data.people.invited + summary.data.people.inactive).toLocaleString()} people. Key players attend the weekly check-in.
        </Text>
      ) : null}

      {isAdmin ? (
        <>
          <EditMemberModal member={editing} onClose={() => setEditing(null)} />
          <AddMemberModal opened={adding} onClose={addModal.close} />
        </>
      ) : null}
    </Stack>
  );
}

function MemberStatus({ member }: { member: MemberView }) {
  if (!member.active)
    return (
      <Badge color="gray" variant="light" style={{ minWidth: 'max-content' }}>
        Inactive
      </Badge>
    );
  if (member.status === 'invited')
    return (
      <Tooltip label="Added by an admin; joins once they accept with their link or from their workspace menu" withArrow>
        <Badge color="yellow" variant="light" style={{ minWidth: 'max-content' }}>
          Invited
        </Badge>
      </Tooltip>
    );
  return (
    <Badge color="teal" variant="light" style={{ minWidth: 'max-content' }}>
      Active
    </Badge>
  );
}

function EditMemberModal({ member, onClose }: { member: MemberView | null; onClose: () => void }) {
  return (
    <Modal opened={member !== null} onClose={onClose} title={member ? `Edit ${member.name}` : 'Edit member'} centered>
      {member ? <EditMemberForm key={member.id} member={member} onDone={onClose} /> : null}
    </Modal>
  );
}

function EditMemberForm({ member, onDone }: { member: MemberView; onDone: () => void }) {
  const update = useUpdateMember();
  const form = useForm({
    initialValues: {
      role: member.role as string,
      team: member.team as string,
      function: member.function,
      managerId: member.managerId,
      keyPlayer: member.keyPlayer,
      active: member.active,
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        const patch: MemberUpdateInput = {};
        if (v.role !== member.role) patch.role = v.role as Role;
        if (v.team !== member.team) patch.team = v.team as Team;
        if (v.function.trim() !== member.function) patch.function = v.function.trim();
        if ((v.managerId ?? null) !== member.managerId) patch.managerId = v.managerId ?? null;
        if (v.keyPlayer !== member.keyPlayer) patch.keyPlayer = v.keyPlayer;
        if (v.active !== member.active) patch.active = v.active;
        if (Object.keys(patch).length === 0) return onDone();
        update.mutate(
          { id: member.id, patch },
          {
            onSuccess: (m) => {
              notifications.show({ color: 'teal', message: `${m.name} updated.` });
              onDone();
            },
          },
        );
      })}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {member.email}
        </Text>
        {update.error ? (
          <Alert color="red" role="alert">
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        <Group grow>
          <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
          <Select label="Team" data={TEAM_OPTIONS} allowDeselect={false} {...form.getInputProps('team')} />
        </Group>
        <TextInput label="Function" placeholder="e.g. SDR, Demand gen" maxLength={FUNCTION_MAX} {...form.getInputProps('function')} />
        <MemberSelect
          label="Manager"
          placeholder="No manager"
          clearable
          exceptId={member.id}
          selectedLabel={member.managerName}
          value={form.values.managerId}
          onChange={(id) => form.setFieldValue('managerId', id)}
        />
        <Switch label="Key player" description="Attends the weekly check-in" {...form.getInputProps('keyPlayer', { type: 'checkbox' })} />
        <Switch label="Active" description="Inactive members cannot sign in to this workspace" {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [result, setResult] = useState<AddMemberView | null>(null);
  const close = onClose;
  return (
    <Modal opened={opened} onClose={close} onExitTransitionEnd={() => setResult(null)} title={result ? 'Member added' : 'Add a member'} centered size="lg">
      {!opened ? null : result ? (
        <Stack gap="md">
          <Text size="sm">
            <b>{result.member.name}</b> is invited to the {result.member.team} team. They join once they accept.
          </Text>
          <Alert color="yellow" variant="light" title="Send them this link">
            New to Lockstep, they choose a password with it; if they already use Lockstep, they sign in and accept (the invitation
            also waits in their workspace menu). It is shown only now, works once and expires in 7 days.
          </Alert>
          <CopyField label="Invite link" value={result.setupUrl} testId="setup-link" />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <AddMemberForm onAdded={setResult} onCancel={close} />
      )}
    </Modal>
  );
}

function AddMemberForm({ onAdded, onCancel }: { onAdded: (r: AddMemberView) => void; onCancel: () => void }) {
  const add = useAddMember();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'member', team: 'sales', function: '', managerId: null as string | null, keyPlayer: false },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      name: (v) => (v.trim() ? null : 'Enter their name'),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        add.mutate(
          {
            email: v.email.trim(),
            name: v.name.trim(),
            role: v.role as Role,
            team: v.team as Team,
            function: v.function.trim(),
            managerId: v.managerId,
            keyPlayer: v.keyPlayer,
          },
          { onSuccess: onAdded },
        ),
      )}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Add someone directly. If they are new to Lockstep you get a one-time link for them to set a password.
        </Text>
        {add.error ? (
          <Alert color="red" role="alert">
            {errorMessage(add.error)}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <TextInput label="Name" required data-autofocus maxLength={NAME_MAX} {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required maxLength={EMAIL_MAX} {...form.getInputProps('email')} />
        </Group>
        <Group grow align="flex-start">
          <Select label="Team" data={TEAM_OPTIONS} allowDeselect={false} {...form.getInputProps('team')} />
          <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Function" placeholder="e.g. SDR, Demand gen" maxLength={FUNCTION_MAX} {...form.getInputProps('function')} />
          <MemberSelect label="Manager" placeholder="No manager" clearable value={form.values.managerId} onChange={(id) => form.setFieldValue('managerId', id)} />
        </Group>
        <Switch label="Key player" description="Attends the weekly check-in" {...form.getInputProps('keyPlayer', { type: 'checkbox' })} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
