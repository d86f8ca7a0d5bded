import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import AuthLayout from '../components/AuthLayout';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';
import { requestPasswordReset } from '../identityApi';

const SENT_MESSAGE = 'If that email has an account, a reset link is on its way.';

/** Ask for a password reset link. The answer never reveals whether the email exists. */
export default function ForgotPassword() {
  const [sent, setSent] = createSignal(false);
  const form = createForm({
    fields: ['email'] as const,
    idPrefix: 'forgot',
    submit: async (v) => {
      await requestPasswordReset(v.email.trim());
      setSent(true);
    },
  });

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter the email you log in with and we'll send you a link to set a new password."
      footer={
        <>
          Remembered it? <A href="/login">Log in</A>
        </>
      }
    >
      <div role="status" class="status-slot">
        <Show when={sent()}>
          <p class="form-success">{SENT_MESSAGE}</p>
        </Show>
      </div>
      <Show when={!sent()}>
        <FormShell form={form} class="form">
          <FormField {...form.field('email')} label="Email" type="email" autocomplete="email" required />
          <SubmitButton pending={form.pending()} working="Sending…" class="btn btn-primary btn-block">
            Send reset link
          </SubmitButton>
        </FormShell>
      </Show>
    </AuthLayout>
  );
}
