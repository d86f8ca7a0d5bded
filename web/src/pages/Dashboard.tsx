import { useNavigate } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { ApiError, onboarding, type OnboardingResponse } from '../api';
import MoneySnapshot from '../components/MoneySnapshot';
import OnboardingCard from '../components/OnboardingCard';
import { useSession } from '../session';

const POLL_MS = 1000;

const isFinished = (status: OnboardingResponse['status']) => status === 'complete' || status === 'failed';

/** Errors worth retrying on the next poll tick (network, rate limit, server). */
const isTransient = (err: unknown) =>
  !(err instanceof ApiError) || err.status === 0 || err.status === 429 || err.status >= 500;

export default function Dashboard() {
  const navigate = useNavigate();
  const session = useSession();
  const [state, setState] = createSignal<OnboardingResponse>();
  const [error, setError] = createSignal<string>();

  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  // setTimeout chain rather than setInterval so requests never overlap.
  const poll = async () => {
    timer = undefined;
    try {
      const next = await onboarding();
      if (disposed) return;
      setState(next);
      setError(undefined);
      if (isFinished(next.status)) return;
    } catch (err) {
      if (disposed) return;
      if (err instanceof ApiError && err.status === 401) {
        navigate('/login', { replace: true });
        return;
      }
      const message = err instanceof Error ? err.message : 'Could not load setup progress.';
      if (!isTransient(err)) {
        setError(message);
        return;
      }
      setError(`${message} Retrying…`);
    }
    timer = setTimeout(poll, POLL_MS);
  };

  onMount(() => void poll());
  onCleanup(() => {
    disposed = true;
    if (timer !== undefined) clearTimeout(timer);
  });

  return (
    <div class="page">
      <header class="page-header">
        <h1>Dashboard</h1>
        <p class="page-subtitle">What you are owed, and how your workspace is set up.</p>
      </header>

      <div class="dashboard-grid">
        <Show when={session.can('documents.view') && state()?.status === 'complete'}>
          <MoneySnapshot />
        </Show>
        <Show
          when={state()}
          fallback={
            <section class="card onboarding-card" aria-labelledby="onboarding-title">
              <div class="card-header">
                <h2 id="onboarding-title">Getting started</h2>
              </div>
              <Show
                when={error()}
                fallback={
                  <p class="muted" role="status">
                    <span class="spinner" aria-hidden="true" /> Checking setup progress…
                  </p>
                }
              >
                <p class="inline-error" role="alert">
                  {error()}
                </p>
              </Show>
            </section>
          }
        >
          {(current) => <OnboardingCard onboarding={current()} error={error()} />}
        </Show>
      </div>
    </div>
  );
}
