import { Alert, Anchor, Button, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link, Navigate, useNavigate } from 'react-router';
import { errorMessage, fieldError } from '../api/client.js';
import { AuthLayout } from '../shell/auth-layout.js';
import { useMe, useSignUp } from './queries.js';
import { browserTimeZone, TimeZoneSelect } from './time-zone-select.js';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX } from '../../../src/capabilities/workspaces/domain/text-limits.js';

export function SignUpPage() {
  const me = useMe();
  const signUp = useSignUp();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', workspaceName: '', timeZone: browserTimeZone(), team: 'leadership' as 'sales' | 'marketing' | 'leadership' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
      workspaceName: (v) => (v.trim() ? null : 'Enter your company name'),
      timeZone: (v) => (v ? null : 'Choose a time zone'),
    },
  });

  if (me.data) return <Navigate to="/" replace />;

  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="One workspace for your company's sales, marketing and leadership. You will be its first admin."
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/signin">
            Sign in
          </Anchor>
        </>
      }
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          signUp.mutate(
            { name: v.name.trim(), email: v.email.trim(), password: v.password, workspaceName: v.workspaceName.trim(), timeZone: v.timeZone, team: v.team },
            {
              onSuccess: () => void navigate('/', { replace: true }),
              onError: (err) => {
                const why = fieldError(err, 'password');
                if (why) form.setFieldError('password', why);
              },
            },
          ),
        )}
      >
        <Stack gap="md">
          {signUp.error && !fieldError(signUp.error, 'password') ? (
            <Alert color="red" icon={<IconAlertCircle size={18} />} title="Could not create the workspace" role="alert">
              {errorMessage(signUp.error)}
            </Alert>
          ) : null}
          <TextInput label="Your name" autoComplete="name" required maxLength={NAME_MAX} {...form.getInputProps('name')} />
          <TextInput label="Work email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="At least 10 characters and hard to guess: three or four unrelated words work well"
            autoComplete="new-password"
            required
            maxLength={PASSWORD_MAX} {...form.getInputProps('password')}
          />
          <TextInput label="Company name" description="Becomes your workspace's name" autoComplete="organization" required maxLength={NAME_MAX} {...form.getInputProps('workspaceName')} />
          <TimeZoneSelect label="Time zone" description="Check-ins and reports follow this zone" required {...form.getInputProps('timeZone')} />
          <Radio.Group
            label="Which team do you lead?"
            description="As an admin you can set up either team's KPIs on its behalf; a team's own lead publishes them once it has one."
            {...form.getInputProps('team')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="leadership" label="Both: I set up sales and marketing (leadership)" />
              <Radio value="sales" label="Sales" />
              <Radio value="marketing" label="Marketing" />
            </Stack>
          </Radio.Group>
          <Button type="submit" fullWidth loading={signUp.isPending} mt="xs">
            Create workspace
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
