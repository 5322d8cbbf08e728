import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api/client.js';
import { AuthLayout } from '../shell/auth-layout.js';
import { useMe, useSignIn } from './queries.js';
import { EMAIL_MAX, PASSWORD_MAX } from '../../../src/capabilities/workspaces/domain/text-limits.js';

export function SignInPage() {
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  // Pages that send people here to sign in (an invite link) ask to come back; anything else goes to the dashboard.
  const from = (location.state as { from?: unknown } | null)?.from;
  const next = typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  if (me.data) return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title="Sign in to Lockstep"
      subtitle="Keep your sales and marketing teams on the same page."
      footer={
        <>
          New to Lockstep?{' '}
          <Anchor component={Link} to="/signup">
            Create a workspace
          </Anchor>
        </>
      }
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          signIn.mutate({ email: values.email.trim(), password: values.password }, { onSuccess: () => void navigate(next, { replace: true }) }),
        )}
      >
        <Stack gap="md">
          {signIn.error ? (
            <Alert color="red" icon={<IconAlertCircle size={18} />} title="Could not sign in" role="alert">
              {errorMessage(signIn.error)}
            </Alert>
          ) : null}
          <TextInput label="Email" type="email" autoComplete="email" required withAsterisk={false} maxLength={EMAIL_MAX} {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required withAsterisk={false} maxLength={PASSWORD_MAX} {...form.getInputProps('password')} />
          <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
