import { ActionIcon, Group, Indicator, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconMailOpened, IconPlus, IconSelector, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.js';
import type { MeView } from '../api/types.js';
import { CreateWorkspaceModal } from '../workspaces/create-workspace-modal.js';
import { useAnswerInvitation, useSwitchWorkspace } from '../workspaces/queries.js';
import { ROLE_LABEL } from '../workspaces/team-badge.js';
import classes from './shell.module.css';

export function WorkspaceSwitcher({ me }: { me: MeView }) {
  const [creating, createModal] = useDisclosure(false);
  const switchTo = useSwitchWorkspace();
  const replyTo = useInvitationReply();
  const navigate = useNavigate();
  const current = me.workspace;
  const [opened, setOpened] = useState(false);
  return (
    <>
      {/* Not in a portal: the open menu stays inside the header landmark (axe: region). */}
      <Menu opened={opened} onChange={setOpened} position="bottom-start" width={280} shadow="md" withinPortal={false}>
        {/* The button's accessible name is exactly "Switch workspace"; the workspace name beside it is plain text (a click on
            it opens the menu too), so the name in the button matches what it shows (WCAG 2.5.3). */}
        <Group
          gap={2}
          wrap="nowrap"
          className={classes.switcher}
          style={{ minWidth: 0 }}
          onClick={(e) => {
            if (!(e.target as HTMLElement).closest('button')) setOpened((o) => !o);
          }}
        >
          <Text fw={600} size="sm" truncate maw={{ base: 110, sm: 220 }} pl={4}>
            {current?.name ?? 'No workspace'}
          </Text>
          <Indicator disabled={me.invitations.length === 0} color="yellow" size={8} offset={2}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={me.invitations.length > 0 ? 'Switch workspace (invitations waiting)' : 'Switch workspace'}>
                <IconSelector size={16} />
              </ActionIcon>
            </Menu.Target>
          </Indicator>
        </Group>
        <Menu.Dropdown>
          <Menu.Label>Your workspaces</Menu.Label>
          {me.workspaces.map((w) => (
            <Menu.Item
              key={w.id}
              leftSection={w.id === current?.id ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16, display: 'inline-block' }} />}
              rightSection={
                <Text size="xs" c="dimmed">
                  {ROLE_LABEL[w.role]}
                </Text>
              }
              onClick={() => {
                if (w.id === current?.id) return;
                switchTo.mutate(w.id, {
                  onSuccess: (next) => {
                    notifications.show({ color: 'teal', message: `Switched to ${next.workspace?.name ?? w.name}.` });
                    void navigate('/');
                  },
                  onError: (err) => notifications.show({ color: 'red', title: 'Could not switch workspace', message: errorMessage(err) }),
                });
              }}
              aria-current={w.id === current?.id ? 'true' : undefined}
            >
              <Text size="sm" truncate>
                {w.name}
                {w.isDemo ? ' (demo)' : ''}
              </Text>
            </Menu.Item>
          ))}
          {me.invitations.length > 0 ? (
            <>
              <Menu.Divider />
              <Menu.Label>Invitations</Menu.Label>
              {me.invitations.map((i) => (
                <InvitationItems key={i.id} invitation={i} reply={(kind) => replyTo(i, kind)} />
              ))}
            </>
          ) : null}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
            Create workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={createModal.close} />
    </>
  );
}

type Invitation = MeView['invitations'][number];

/** Answers an invitation; lives in the switcher, which stays mounted when its menu closes on the click. */
function useInvitationReply() {
  const answer = useAnswerInvitation();
  const navigate = useNavigate();
  return (invitation: Invitation, kind: 'accept' | 'decline') =>
    answer.mutate(
      { id: invitation.id, answer: kind },
      {
        onSuccess: () => {
          if (kind === 'accept') {
            notifications.show({ color: 'teal', message: `You joined ${invitation.workspaceName}.` });
            void navigate('/');
          } else {
            notifications.show({ message: `You declined ${invitation.workspaceName}.` });
          }
        },
        onError: (err) => notifications.show({ color: 'red', title: 'Could not answer the invitation', message: errorMessage(err) }),
      },
    );
}

/** A workspace whose admin added the person: they join only when they accept here or with their link. */
function InvitationItems({ invitation, reply }: { invitation: Invitation; reply: (kind: 'accept' | 'decline') => void }) {
  return (
    <>
      <Menu.Item
        data-testid="invitation"
        leftSection={<IconMailOpened size={16} aria-hidden />}
        rightSection={
          <Text size="xs" c="dimmed">
            {ROLE_LABEL[invitation.role]}
          </Text>
        }
        onClick={() => reply('accept')}
      >
        <Text size="sm" truncate>
          Join {invitation.workspaceName}
        </Text>
      </Menu.Item>
      <Menu.Item leftSection={<IconX size={16} aria-hidden />} c="dimmed" onClick={() => reply('decline')}>
        <Text size="sm" truncate>
          Decline {invitation.workspaceName}
        </Text>
      </Menu.Item>
    </>
  );
}
