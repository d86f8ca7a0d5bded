import { A, useNavigate } from '@solidjs/router';
import { signup } from '../api';
import AuthLayout from '../components/AuthLayout';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';

export default function Signup() {
  const navigate = useNavigate();
  const form = createForm({
    fields: ['email', 'password', 'companyName'] as const,
    idPrefix: 'signup',
    submit: async (v) => {
      // The company starts in the browser's time zone (changeable in settings).
      await signup({ email: v.email.trim(), password: v.password, companyName: v.companyName.trim() });
      navigate('/', { replace: true });
    },
  });

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Set up your company workspace in under a minute."
      footer={
        <>
          Already have an account? <A href="/login">Log in</A>
        </>
      }
    >
      <FormShell form={form} class="form">
        <FormField
          {...form.field('email')}
          label="Email"
          type="email"
          autocomplete="email"
          required
        />
        <FormField
          {...form.field('password')}
          label="Password"
          type="password"
          autocomplete="new-password"
          hint="At least 10 characters"
          required
        />
        <FormField
          {...form.field('companyName')}
          label="Company name"
          autocomplete="organization"
          required
        />
        <SubmitButton pending={form.pending()} working="Creating…" class="btn btn-primary btn-block">
          Create account
        </SubmitButton>
      </FormShell>
    </AuthLayout>
  );
}
