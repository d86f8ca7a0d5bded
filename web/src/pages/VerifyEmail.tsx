import { A } from '@solidjs/router';
import { createSignal, Match, onMount, Switch } from 'solid-js';
import { errorMessage } from '../action';
import AuthLayout from '../components/AuthLayout';
import { Loading } from '../components/PageStatus';
import { verifyEmail } from '../identityApi';
import { useQueryParam } from '../searchParams';

type State = { kind: 'verifying' } | { kind: 'verified' } | { kind: 'failed'; message: string };

/** Landing page of the verification email (`/verify-email?token=…`): confirms on load. */
export default function VerifyEmail() {
  const token = useQueryParam('token');
  const [state, setState] = createSignal<State>({ kind: 'verifying' });

  onMount(async () => {
    const t = token();
    if (!t) {
      setState({ kind: 'failed', message: 'This verification link is incomplete. Open the link from the email again.' });
      return;
    }
    try {
      await verifyEmail(t);
      setState({ kind: 'verified' });
    } catch (err) {
      setState({ kind: 'failed', message: errorMessage(err) });
    }
  });

  const failure = () => {
    const s = state();
    return s.kind === 'failed' ? s.message : undefined;
  };

  const title = () => {
    const s = state();
    return s.kind === 'verified' ? 'Email verified' : s.kind === 'failed' ? 'Could not verify your email' : 'Verifying your email';
  };

  return (
    <AuthLayout title={title()}>
      <Switch>
        <Match when={state().kind === 'verifying'}>
          <Loading label="Verifying…" />
        </Match>
        <Match when={state().kind === 'verified'}>
          <p class="form-success" role="status">
            Thanks — your email address is confirmed.
          </p>
          <A href="/" class="btn btn-primary btn-block">
            Go to dashboard
          </A>
        </Match>
        <Match when={failure()}>
          {(message) => (
            <>
              <div class="form-error" role="alert">
                {message()}
              </div>
              <p class="muted">
                Links expire and work only once. Log in and use “Resend verification email” to get a new one.
              </p>
              <A href="/" class="btn btn-secondary btn-block">
                Go to dashboard
              </A>
            </>
          )}
        </Match>
      </Switch>
    </AuthLayout>
  );
}
