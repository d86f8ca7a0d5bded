import { A, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { signup } from '../api';
import AuthLayout from '../components/AuthLayout';
import FormError from '../components/FormError';
import FormField from '../components/FormField';
import { focusFirstInvalid, toFormErrors } from '../formErrors';

const FIELDS = ['email', 'password', 'companyName'] as const;
type Field = (typeof FIELDS)[number];

export default function Signup() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [companyName, setCompanyName] = createSignal('');
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
      await signup({ email: email().trim(), password: password(), companyName: companyName().trim() });
      navigate('/', { replace: true });
    } catch (err) {
      const errors = toFormErrors(err, FIELDS);
      setFieldErrors(errors.fields);
      setFormError(errors.general);
      focusFirstInvalid(FIELDS, errors.fields, 'signup');
    } finally {
      setPending(false);
    }
  };

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
      <FormError message={formError()} />
      <form class="form" onSubmit={onSubmit} noValidate aria-busy={pending() ? 'true' : 'false'}>
        <FormField
          id="signup-email"
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
          id="signup-password"
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          hint="At least 10 characters"
          required
          value={password()}
          onInput={(v) => {
            setPassword(v);
            clearFieldError('password');
          }}
          error={fieldErrors().password}
        />
        <FormField
          id="signup-companyName"
          name="companyName"
          label="Company name"
          autocomplete="organization"
          required
          value={companyName()}
          onInput={(v) => {
            setCompanyName(v);
            clearFieldError('companyName');
          }}
          error={fieldErrors().companyName}
        />
        <button type="submit" class="btn btn-primary btn-block" disabled={pending()}>
          {pending() ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
