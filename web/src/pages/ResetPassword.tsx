import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import AuthLayout from '../components/AuthLayout';
import FormField from '../components/FormField';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';
import { confirmPasswordReset } from '../identityApi';
import { useQueryParam } from '../searchParams';

/** Set a new password from the emailed link (`/reset-password?token=…`). */
export default function ResetPassword() {
  const token = useQueryParam('token');
  const [done, setDone] = createSignal(false);
  const form = createForm({
    fields: ['password'] as const,
    idPrefix: 'reset',
    submit: async (v) => {
      const t = token();
      if (!t) return;
      await confirmPasswordReset(t, v.password);
      setDone(true);
    },
  });

  return (
    <AuthLayout
      title={done() ? 'Password updated' : 'Choose a new password'}
      subtitle={done() ? undefined : 'This also logs you out everywhere else.'}
      footer={
        <>
          Back to <A href="/login">Log in</A>
        </>
      }
    >
      <Show
        when={token()}
        fallback={
          <div class="form-error" role="alert">
            This reset link is incomplete. <A href="/forgot-password">Request a new link</A>.
          </div>
        }
      >
        <div role="status" class="status-slot">
          <Show when={done()}>
            <p class="form-success">
              Your password has been changed. <A href="/login">Log in</A> with your new password.
            </p>
          </Show>
        </div>
        <Show when={!done()}>
          <Show when={form.general()}>
            <div class="form-error" role="alert">
              {form.general()} <A href="/forgot-password">Request a new link</A>
            </div>
          </Show>
          <form class="form" onSubmit={form.onSubmit} noValidate aria-busy={form.pending() ? 'true' : 'false'}>
            <FormField
              {...form.field('password')}
              label="New password"
              type="password"
              autocomplete="new-password"
              hint="At least 10 characters"
              required
            />
            <SubmitButton pending={form.pending()} working="Saving…" class="btn btn-primary btn-block">
              Set new password
            </SubmitButton>
          </form>
        </Show>
      </Show>
    </AuthLayout>
  );
}
