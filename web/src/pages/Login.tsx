import { A, useNavigate } from '@solidjs/router';
import { login } from '../api';
import AuthLayout from '../components/AuthLayout';
import FormError from '../components/FormError';
import FormField from '../components/FormField';
import { createForm } from '../form';

export default function Login() {
  const navigate = useNavigate();
  const form = createForm({
    fields: ['email', 'password'] as const,
    idPrefix: 'login',
    submit: async (v) => {
      await login({ email: v.email.trim(), password: v.password });
      navigate('/', { replace: true });
    },
  });

  return (
    <AuthLayout
      title="Welcome back"
      subtitle="Sign in to your company workspace."
      footer={
        <>
          New to EZ360PM? <A href="/signup">Sign up</A>
        </>
      }
    >
      <FormError message={form.general()} />
      <form class="form" onSubmit={form.onSubmit} noValidate aria-busy={form.pending() ? 'true' : 'false'}>
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
          autocomplete="current-password"
          required
        />
        <button type="submit" class="btn btn-primary btn-block" disabled={form.pending()}>
          {form.pending() ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthLayout>
  );
}
