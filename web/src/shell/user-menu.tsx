import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { MeView } from '../api/types.js';
import { ChangePasswordModal } from '../workspaces/change-password-modal.js';
import { ProfileModal } from '../workspaces/profile-modal.js';
import { useSignOut } from '../workspaces/queries.js';
import { ROLE_LABEL } from '../workspaces/team-badge.js';
import { TEAM_COLOR } from '../theme.js';
import { initials } from './format.js';
import classes from './shell.module.css';

export function UserMenu({ me }: { me: MeView }) {
  const [profileOpen, profile] = useDisclosure(false);
  const [passwordOpen, password] = useDisclosure(false);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const color = me.member ? TEAM_COLOR[me.member.team] : 'indigo';
  return (
    <>
      {/* Not in a portal: the open menu stays inside the header landmark (axe: region). */}
      <Menu position="bottom-end" width={240} shadow="md" withinPortal={false}>
        <Menu.Target>
          <UnstyledButton className={classes.userButton}>
            <VisuallyHidden>Account menu: </VisuallyHidden>
            <Group gap={8} wrap="nowrap">
              <Avatar color={color} radius="xl" size={32} aria-hidden>
                {initials(me.user.name)}
              </Avatar>
              <Text size="sm" fw={500} className={classes.hideOnMobile} truncate maw={140}>
                {me.user.name}
              </Text>
              <VisuallyHidden hiddenFrom="sm">{me.user.name}</VisuallyHidden>
              <IconChevronDown size={14} aria-hidden className={classes.hideOnMobile} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {me.user.email}
            {me.member ? ` · ${ROLE_LABEL[me.member.role]}` : ''}
          </Menu.Label>
          <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={profile.open}>
            Profile
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={password.open}>
            Change password
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            className={classes.dangerItem}
            onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/signin', { replace: true }) })}
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ProfileModal me={me} opened={profileOpen} onClose={profile.close} />
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
    </>
  );
}
