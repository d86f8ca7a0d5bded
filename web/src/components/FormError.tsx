import { Show } from 'solid-js';

/** General (not field-specific) error shown above a form. */
export default function FormError(props: { message?: string | undefined }) {
  return (
    <Show when={props.message}>
      <div class="form-error" role="alert">
        {props.message}
      </div>
    </Show>
  );
}
