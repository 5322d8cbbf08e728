import { Tabs } from '@mantine/core';
import { IconBroadcast, IconBuilding, IconHistory, IconKey, IconMailPlus, IconUsers, type Icon } from '@tabler/icons-react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shell/page-header.js';
import { usePermissions } from '../../shell/session.js';
import { ChannelsTab } from '../../channels/channels-tab.js';
import { AuditTab } from './audit-tab.js';
import { InvitesTab } from './invites-tab.js';
import { MembersTab } from './members-tab.js';
import { TokensTab } from './tokens-tab.js';
import { WorkspaceTab } from './workspace-tab.js';

interface SettingsTab {
  value: string;
  label: string;
  icon: Icon;
  allowed: boolean;
  render: () => React.ReactNode;
}

export function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const { isAdmin, canReadAudit } = usePermissions();
  const tabs: SettingsTab[] = [
    { value: 'workspace', label: 'Workspace', icon: IconBuilding, allowed: true, render: () => <WorkspaceTab /> },
    { value: 'members', label: 'Members', icon: IconUsers, allowed: true, render: () => <MembersTab /> },
    { value: 'invites', label: 'Invites', icon: IconMailPlus, allowed: isAdmin, render: () => <InvitesTab /> },
    { value: 'tokens', label: 'API tokens', icon: IconKey, allowed: isAdmin, render: () => <TokensTab /> },
    { value: 'channels', label: 'Channels', icon: IconBroadcast, allowed: isAdmin, render: () => <ChannelsTab /> },
    { value: 'audit', label: 'Audit log', icon: IconHistory, allowed: canReadAudit, render: () => <AuditTab /> },
  ].filter((t) => t.allowed);
  const current = tabs.find((t) => t.value === tab);
  if (!current) return <Navigate to="/settings/workspace" replace />;

  return (
    <>
      <PageHeader
        title="Settings"
        tabTitle={`${current.label} · Settings`}
        description={
          isAdmin
            ? 'Your workspace, the people in it, how they join, integrations and the record of every change.'
            : 'Your workspace and the people in it. Only admins can change these settings.'
        }
      />
      <Tabs value={current.value} onChange={(v) => v && void navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} aria-hidden />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.value === current.value ? t.render() : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
