import type { JSX } from 'solid-js';

/** A form's submit button: disabled while the form is sending, and saying so ("Saving…") so a slow request is not pressed twice. */
export default function SubmitButton(props: { pending: boolean; working: string; class?: string; children: JSX.Element }) {
  return (
    <button type="submit" class={props.class ?? 'btn btn-primary'} disabled={props.pending}>
      {props.pending ? props.working : props.children}
    </button>
  );
}
