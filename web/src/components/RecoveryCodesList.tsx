import { createSignal, For, onMount, Show } from 'solid-js';

/** Freshly issued recovery codes, shown once, with a confirm button that hides them. */
export default function RecoveryCodesList(props: { codes: readonly string[]; onDone: () => void }) {
  let heading: HTMLHeadingElement | undefined;
  const [copied, setCopied] = createSignal<string>();
  onMount(() => heading?.focus());

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.codes.join('\n'));
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy automatically. Select the codes and copy them instead.');
    }
  };

  return (
    <div class="recovery-codes-panel">
      <h3 ref={heading} tabIndex={-1} id="recovery-codes-title">
        Your recovery codes
      </h3>
      <p class="notice notice-warning recovery-codes-note">Save these codes now; they will not be shown again.</p>
      <p class="muted small">
        Each code works once, in place of an authentication code, if you lose access to your authenticator app.
      </p>
      <ul class="recovery-codes" aria-labelledby="recovery-codes-title">
        <For each={props.codes}>{(code) => <li>{code}</li>}</For>
      </ul>
      <div class="button-row">
        <button type="button" class="btn btn-primary" onClick={() => props.onDone()}>
          I have saved them
        </button>
        <button type="button" class="btn btn-secondary" onClick={copy}>
          Copy codes
        </button>
      </div>
      <div class="status-slot" role="status">
        <Show when={copied()}>
          <p class="muted small">{copied()}</p>
        </Show>
      </div>
    </div>
  );
}
