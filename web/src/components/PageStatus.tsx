import { Show } from 'solid-js';

/** Inline "Loading…" announced politely to assistive tech. */
export function Loading(props: { label?: string }) {
  return (
    <p class="loading-status muted" role="status">
      <span class="spinner" aria-hidden="true" /> {props.label ?? 'Loading…'}
    </p>
  );
}

/** A load failure with an optional retry button. */
export function LoadError(props: { message: string; onRetry?: () => void }) {
  return (
    <div class="load-error" role="alert">
      <p>{props.message}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </div>
  );
}

/** Success note after an action ("Password changed."). */
export function SuccessNote(props: { message?: string | undefined }) {
  return (
    <div class="status-slot" role="status">
      <Show when={props.message}>
        <p class="form-success">{props.message}</p>
      </Show>
    </div>
  );
}
