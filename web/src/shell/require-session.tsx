import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../api/client.js';
import { CreateWorkspaceModal } from '../workspaces/create-workspace-modal.js';
import { useMe, useSignOut } from '../workspaces/queries.js';
import { AuthLayout } from './auth-layout.js';
import { setWorkspaceTimeZone } from './format.js';
import { SessionContext, type Session } from './session.js';

/** Signed out → /signin; signed in without a workspace → a way to make one; otherwise the app. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const session = useMemo<Session | null>(() => {
    const m = me.data;
    return m && m.workspace && m.member ? { me: m, workspace: m.workspace, member: m.member } : null;
  }, [me.data]);
  // Every instant on the signed-in pages is shown in the workspace's time zone (shell/format.ts).
  if (session) setWorkspaceTimeZone(session.workspace.timeZone);

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading Lockstep" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={420}>
          <Alert color="red" title="Lockstep could not load" role="alert">
            {errorMessage(me.error)}
          </Alert>
          <Button onClick={() => void me.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  if (!session) return <NoWorkspace />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function NoWorkspace() {
  const [opened, modal] = useDisclosure(false);
  const signOut = useSignOut();
  return (
    <AuthLayout title="You are not in a workspace" subtitle="Your account is not an active member of any workspace.">
      <Stack gap="md">
        <Text size="sm">Ask an admin of your company's workspace for an invite link, or create a workspace of your own.</Text>
        <Button onClick={modal.open}>Create workspace</Button>
        <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out
        </Button>
      </Stack>
      <CreateWorkspaceModal opened={opened} onClose={modal.close} />
    </AuthLayout>
  );
}
