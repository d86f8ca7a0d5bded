import { Show } from 'solid-js';

interface FieldErrorProps {
  /** id referenced by the input's aria-describedby. */
  id: string;
  message?: string | undefined;
}

/** Error text under a form field; announced to assistive tech when it appears. */
export default function FieldError(props: FieldErrorProps) {
  return (
    <Show when={props.message}>
      <p id={props.id} class="field-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
