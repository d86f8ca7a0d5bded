import { createEffect, onCleanup, Show, type JSX } from 'solid-js';

/**
 * A modal on the browser's own <dialog>: focus is trapped and returned, Escape
 * and the Close button call `onClose`. The body is mounted only while open, so
 * each opening starts fresh (a new form, a new idempotency key).
 */
export default function Dialog(props: {
  id: string;
  title: string;
  open: boolean;
  onClose: () => void;
  class?: string;
  children: JSX.Element;
}) {
  let ref: HTMLDialogElement | undefined;
  createEffect(() => {
    if (!ref) return;
    if (props.open && !ref.open) ref.showModal();
    else if (!props.open && ref.open) ref.close();
  });
  onCleanup(() => ref?.open && ref.close());

  return (
    <dialog
      ref={ref}
      id={props.id}
      class={`dialog${props.class ? ` ${props.class}` : ''}`}
      aria-labelledby={`${props.id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <Show when={props.open}>
        <div class="dialog-header">
          <h2 id={`${props.id}-title`}>{props.title}</h2>
          <button type="button" class="btn-link dialog-close" aria-label="Close" onClick={() => props.onClose()}>
            ×
          </button>
        </div>
        <div class="dialog-body">{props.children}</div>
      </Show>
    </dialog>
  );
}

