import { A, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { login } from '../api';
import AuthLayout from '../components/AuthLayout';
import FormError from '../components/FormError';
import FormField from '../components/FormField';
import { focusFirstInvalid, toFormErrors } from '../formErrors';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export default function Login() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const [fieldErrors, setFieldErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = createSignal<string>();

  const clearFieldError = (field: Field) => {
    if (fieldErrors()[field]) setFieldErrors({ ...fieldErrors(), [field]: undefined });
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    setFieldErrors({});
    setFormError(undefined);
    try {
      await login({ email: email().trim(), password: password() });
      navigate('/', { replace: true });
    } catch (err) {
      const errors = toFormErrors(err, FIELDS);
      setFieldErrors(errors.fields);
      setFormError(errors.general);
      focusFirstInvalid(FIELDS, errors.fields, 'login');
    } finally {
      setPending(false);
    }
  };

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
      <FormError message={formError()} />
      <form class="form" onSubmit={onSubmit} noValidate aria-busy={pending() ? 'true' : 'false'}>
        <FormField
          id="login-email"
          name="email"
          label="Email"
          type="email"
          autocomplete="email"
          required
          value={email()}
          onInput={(v) => {
            setEmail(v);
            clearFieldError('email');
          }}
          error={fieldErrors().email}
        />
        <FormField
          id="login-password"
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          value={password()}
          onInput={(v) => {
            setPassword(v);
            clearFieldError('password');
          }}
          error={fieldErrors().password}
        />
        <button type="submit" class="btn btn-primary btn-block" disabled={pending()}>
          {pending() ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthLayout>
  );
}
