import type { JSX } from 'solid-js';
import type { createForm } from '../form';
import FormError from './FormError';

/**
 * A createForm form's frame: its general error above it, submit wired to the form
 * state, the browser's own validation off (the server's messages are shown
 * instead), and aria-busy while it is sending. Name it by `label` or `labelledBy`.
 */
export default function FormShell(props: {
  form: Pick<ReturnType<typeof createForm>, 'general' | 'onSubmit' | 'pending'>;
  class?: string;
  label?: string;
  labelledBy?: string;
  onKeyDown?: (e: KeyboardEvent) => void;
  children: JSX.Element;
}) {
  return (
    <>
      <FormError message={props.form.general()} />
      <form
        class={props.class}
        onSubmit={props.form.onSubmit}
        onKeyDown={(e) => props.onKeyDown?.(e)}
        noValidate
        aria-label={props.label}
        aria-labelledby={props.labelledBy}
        aria-busy={props.form.pending() ? 'true' : 'false'}
      >
        {props.children}
      </form>
    </>
  );
}
