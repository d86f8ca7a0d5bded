import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import AuthLayout from '../components/AuthLayout';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';
import { loginStep1, loginTotp } from '../identityApi';
import { safeNextPath, useQueryParam } from '../searchParams';

/**
 * Log in. Step 1 is email + password; when the account has two-factor
 * authentication the server answers `totp_required` and step 2 asks for a code
 * on the same page. Honours `?next=/path` (same-site paths only).
 */
export default function Login() {
  const navigate = useNavigate();
  const next = useQueryParam('next');
  const [step, setStep] = createSignal<'password' | 'code'>('password');

  const finish = () => navigate(safeNextPath(next()), { replace: true });

  const passwordForm = createForm({
    fields: ['email', 'password'] as const,
    idPrefix: 'login',
    submit: async (v) => {
      const result = await loginStep1({ email: v.email.trim(), password: v.password });
      if (result.status === 'totp_required') {
        codeForm.reset();
        setStep('code');
        document.getElementById('login-code')?.focus();
        return;
      }
      finish();
    },
  });

  const codeForm = createForm({
    fields: ['code'] as const,
    idPrefix: 'login',
    submit: async (v) => {
      await loginTotp(v.code.trim());
      finish();
    },
  });

  const startOver = () => {
    passwordForm.set('password', '');
    setStep('password');
    document.getElementById('login-password')?.focus();
  };

  return (
    <AuthLayout
      title={step() === 'code' ? 'Two-factor authentication' : 'Welcome back'}
      subtitle={
        step() === 'code' ? 'Enter the code from your authenticator app to finish logging in.' : 'Sign in to your company workspace.'
      }
      footer={
        step() === 'password' ? (
          <>
            New to EZ360PM? <A href="/signup">Sign up</A>
          </>
        ) : undefined
      }
    >
      <Show
        when={step() === 'code'}
        fallback={
          <>
            <FormShell form={passwordForm} class="form">
              <FormField {...passwordForm.field('email')} label="Email" type="email" autocomplete="email" required />
              <FormField
                {...passwordForm.field('password')}
                label="Password"
                type="password"
                autocomplete="current-password"
                required
              />
              <p class="form-aside">
                <A href="/forgot-password">Forgot password?</A>
              </p>
              <SubmitButton pending={passwordForm.pending()} working="Logging in…" class="btn btn-primary btn-block">
                Log in
              </SubmitButton>
            </FormShell>
          </>
        }
      >
        <FormShell form={codeForm} class="form">
          <FormField
            {...codeForm.field('code')}
            label="Authentication code"
            hint="6-digit code from your app, or a recovery code"
            autocomplete="one-time-code"
            maxLength={32}
            required
          />
          <SubmitButton pending={codeForm.pending()} working="Verifying…" class="btn btn-primary btn-block">
            Verify
          </SubmitButton>
          <button type="button" class="btn btn-link" onClick={startOver}>
            Use a different account
          </button>
        </FormShell>
      </Show>
    </AuthLayout>
  );
}
