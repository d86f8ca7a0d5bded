import { createSignal, Show } from 'solid-js';
import { errorMessage } from '../action';
import { resendVerification } from '../identityApi';
import FormError from './FormError';

/** Shown inside the shell, instead of the page, until the user's email is verified. */
export default function VerifyEmailPanel(props: { email: string; onCheckAgain: () => void }) {
  const [pending, setPending] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const resend = async () => {
    if (pending()) return;
    setPending(true);
    setSent(false);
    setError(undefined);
    try {
      await resendVerification();
      setSent(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <div class="page">
      <section class="card verify-email-panel" aria-labelledby="verify-email-title">
        <h1 id="verify-email-title">Verify your email</h1>
        <p class="card-intro">
          We sent a verification link to <strong class="verify-email-address">{props.email}</strong>. Open it to start
          using your workspace.
        </p>
        <FormError message={error()} />
        <div class="button-row">
          <button type="button" class="btn btn-primary" onClick={resend} disabled={pending()}>
            {pending() ? 'Sending…' : 'Resend verification email'}
          </button>
          <button type="button" class="btn btn-secondary" onClick={() => props.onCheckAgain()}>
            I have verified it
          </button>
        </div>
        <div class="status-slot" role="status">
          <Show when={sent()}>
            <p class="form-success">Sent.</p>
          </Show>
        </div>
      </section>
    </div>
  );
}
