import { For, Match, Show, Switch } from 'solid-js';
import type { OnboardingResponse } from '../api';
import Icon from './Icon';

interface OnboardingCardProps {
  onboarding: OnboardingResponse;
  /** Latest polling error, shown while the last good state stays visible. */
  error?: string | undefined;
}

/** "Getting started" card: status badge, progress and the onboarding checklist. */
export default function OnboardingCard(props: OnboardingCardProps) {
  const steps = () => props.onboarding.steps;
  const doneCount = () => steps().filter((s) => s.done).length;
  const total = () => steps().length;
  const percent = () => (total() === 0 ? 0 : Math.round((doneCount() / total()) * 100));
  const active = () => props.onboarding.status === 'pending' || props.onboarding.status === 'running';
  // While setup is in progress, the first unfinished step is the one being worked on.
  const currentKey = () => (active() ? steps().find((s) => !s.done)?.key : undefined);

  return (
    <section class="card onboarding-card" aria-labelledby="onboarding-title">
      <div class="card-header">
        <h2 id="onboarding-title">Getting started</h2>
        <span class={`badge onboarding-status status-${props.onboarding.status}`}>{props.onboarding.status}</span>
      </div>

      <Switch>
        <Match when={props.onboarding.status === 'complete'}>
          <p class="card-intro">Your workspace is ready. You're all set.</p>
        </Match>
        <Match when={props.onboarding.status === 'failed'}>
          <p class="card-intro inline-error" role="alert">
            Workspace setup ran into a problem. Reload the page to check again, or contact support if it keeps failing.
          </p>
        </Match>
        <Match when={active()}>
          <p class="card-intro">We're setting up your workspace. This usually takes a few seconds.</p>
        </Match>
      </Switch>

      <div class="progress">
        <div
          class="progress-track"
          role="progressbar"
          aria-label="Setup progress"
          aria-valuemin={0}
          aria-valuemax={total()}
          aria-valuenow={doneCount()}
        >
          <div class="progress-fill" style={{ width: `${percent()}%` }} />
        </div>
        <p class="onboarding-progress">{`${doneCount()} of ${total()} done`}</p>
      </div>

      <ul class="checklist">
        <For each={steps()}>
          {(step) => (
            <li
              class="onboarding-step"
              classList={{
                'is-done': step.done,
                'is-pending': !step.done,
                'is-current': step.key === currentKey(),
              }}
            >
              <span class="step-marker" role="img" aria-label={step.done ? 'Done' : 'Pending'}>
                {step.done ? '✓' : ''}
              </span>
              <span class="step-label">{step.label}</span>
            </li>
          )}
        </For>
      </ul>

      <Show when={props.error}>
        <p class="inline-error small" role="alert">
          {props.error}
        </p>
      </Show>

      <Show when={props.onboarding.temporalUiUrl}>
        {(url) => (
          <p class="card-footer">
            <a class="temporal-link" href={url()} target="_blank" rel="noopener noreferrer">
              View workflow in Temporal
              <Icon name="external" size={14} />
            </a>
          </p>
        )}
      </Show>
    </section>
  );
}
