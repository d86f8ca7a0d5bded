import { Show } from 'solid-js';
import FieldError from './FieldError';

interface NotesProps {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The aria attributes that tie a control to its hint and error text. */
export function noteAttrs(props: NotesProps) {
  const described = [props.hint ? `${props.id}-hint` : undefined, props.error ? `${props.id}-error` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': props.error ? ('true' as const) : undefined, 'aria-describedby': described || undefined };
}

/** Hint and error text under a form control, with the ids `noteAttrs` points at. */
export default function FieldNotes(props: NotesProps) {
  return (
    <>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={`${props.id}-error`} message={props.error} />
    </>
  );
}
