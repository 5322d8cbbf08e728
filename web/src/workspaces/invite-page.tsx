import { Alert, Anchor, Button, Group, Loader, PasswordInput, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLinkOff, IconMailCheck } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, fieldError } from '../api/client.js';
import type { InvitePreview, MeView } from '../api/types.js';
import { AuthLayout } from '../shell/auth-layout.js';
import { formatDate } from '../shell/format.js';
import { useAcceptInvite, useInvitePreview, useMe, useSignOut } from './queries.js';
import { TEAM_LABEL } from '../theme.js';
import { ROLE_LABEL } from './team-badge.js';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX } from '../../../src/capabilities/workspaces/domain/text-limits.js';

export function InvitePage() {
  const { token = '' } = useParams();
  const preview = useInvitePreview(token);
  const me = useMe();

  if (preview.isPending || me.isPending) {
    return (
      <AuthLayout title="Opening your invite…">
        <Group justify="center" py="md">
          <Loader aria-label="Loading invite" />
        </Group>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    return (
      <AuthLayout
        title="This invite can't be used"
        footer={
          <Anchor component={Link} to={me.data ? '/' : '/signin'}>
            {me.data ? 'Go to your dashboard' : 'Sign in'}
          </Anchor>
        }
      >
        <Stack align="center" ta="center" gap="sm">
          <ThemeIcon size={48} radius="xl" variant="light" color="orange" aria-hidden>
            <IconLinkOff size={26} />
          </ThemeIcon>
          <Text>{friendlyInviteError(errorMessage(preview.error))}</Text>
          <Text size="sm" c="dimmed">
            Invite links work once and expire after a few days.
          </Text>
        </Stack>
      </AuthLayout>
    );
  }

  const invite = preview.data;
  return (
    <AuthLayout title={`Join ${invite.workspaceName} on Lockstep`} subtitle={<InviteSummary invite={invite} />}>
      {me.data ? <JoinAsSignedIn token={token} invite={invite} me={me.data} /> : <AcceptForm token={token} invite={invite} />}
    </AuthLayout>
  );
}

function friendlyInviteError(message: string): string {
  return message === 'Invite not found.' ? 'This invite link is not valid: it may have been revoked or mistyped. Ask an admin for a new one.' : message;
}

function InviteSummary({ invite }: { invite: InvitePreview }) {
  return (
    <Stack gap={6} component="span">
      <span>
        {invite.invitedBy ? `${invite.invitedBy} invited you` : 'You are invited'} to join as {article(ROLE_LABEL[invite.role])}{' '}
        <b>{ROLE_LABEL[invite.role].toLowerCase()}</b> of the <b>{TEAM_LABEL[invite.team].toLowerCase()}</b> team.
      </span>
      <span>This link works once and expires on {formatDate(invite.expiresAt)}.</span>
    </Stack>
  );
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

function useJoined() {
  const navigate = useNavigate();
  return (me: MeView) => {
    notifications.show({ color: 'teal', title: `Welcome to ${me.workspace?.name ?? 'Lockstep'}`, message: 'You have joined the workspace.' });
    void navigate('/', { replace: true });
  };
}

function JoinAsSignedIn({ token, invite, me }: { token: string; invite: InvitePreview; me: MeView }) {
  const accept = useAcceptInvite(token);
  const signOut = useSignOut();
  const joined = useJoined();
  const wrongPerson = invite.email !== null && invite.email !== me.user.email.toLowerCase();
  return (
    <Stack gap="md">
      {accept.error ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title="Could not join" role="alert">
          {errorMessage(accept.error)}
        </Alert>
      ) : null}
      {wrongPerson ? (
        <Alert color="orange" icon={<IconAlertCircle size={18} />} title="This invite is for someone else">
          It was sent to {invite.email}, and you are signed in as {me.user.email}. Sign out and open the link again as that person.
        </Alert>
      ) : (
        <Group gap="xs" wrap="nowrap">
          <IconMailCheck size={18} aria-hidden />
          <Text size="sm">
            Signed in as <b>{me.user.name}</b> ({me.user.email})
          </Text>
        </Group>
      )}
      {!wrongPerson ? (
        <Button fullWidth loading={accept.isPending} onClick={() => accept.mutate({}, { onSuccess: joined })}>
          Join {invite.workspaceName}
        </Button>
      ) : null}
      <Button variant="subtle" color="gray" fullWidth loading={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out to use another account
      </Button>
    </Stack>
  );
}

function AcceptForm({ token, invite }: { token: string; invite: InvitePreview }) {
  const accept = useAcceptInvite(token);
  const joined = useJoined();
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (invite.email || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        accept.mutate(
          { name: v.name.trim(), password: v.password, ...(invite.email ? {} : { email: v.email.trim() }) },
          {
            onSuccess: joined,
            onError: (err) => {
              const why = fieldError(err, 'password');
              if (why) form.setFieldError('password', why);
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        {accept.error && !fieldError(accept.error, 'password') ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title="Could not accept the invite" role="alert">
            {errorMessage(accept.error)}
          </Alert>
        ) : null}
        <TextInput label="Your name" autoComplete="name" required maxLength={NAME_MAX} {...form.getInputProps('name')} />
        {invite.email ? (
          <TextInput label="Email" value={invite.email} readOnly description="The invite was sent to this address" />
        ) : (
          <TextInput label="Email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} {...form.getInputProps('email')} />
        )}
        <PasswordInput label="Choose a password" description="At least 10 characters and hard to guess: three or four unrelated words work well" autoComplete="new-password" required maxLength={PASSWORD_MAX} {...form.getInputProps('password')} />
        <Button type="submit" fullWidth loading={accept.isPending}>
          Join {invite.workspaceName}
        </Button>
        <Text size="sm" c="dimmed" ta="center">
          Already have a Lockstep account?{' '}
          <Anchor component={Link} to="/signin" state={{ from: `/invite/${token}` }}>
            Sign in first
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
