import { onMount, type JSX } from 'solid-js';
import type { createForm } from '../form';
import FormShell from './FormShell';
import FormActions from './FormActions';

/**
 * The frame of a form that opens inside a list (new row or edited row): general
 * error, Escape to cancel, and Save/Cancel. Focus starts on `focusId` because the
 * form appears where the user did not click.
 */
export default function InlineForm(props: {
  form: Pick<ReturnType<typeof createForm>, 'general' | 'onSubmit' | 'pending'>;
  class: string;
  label: string;
  saveText: string;
  focusId: string;
  onCancel: () => void;
  children: JSX.Element;
}) {
  onMount(() => document.getElementById(props.focusId)?.focus());
  return (
    <div class={props.class}>
      <FormShell
        form={props.form}
        class="form"
        label={props.label}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
      >
        {props.children}
        <FormActions pending={props.form.pending()} working="Saving…" onCancel={() => props.onCancel()}>
          {props.saveText}
        </FormActions>
      </FormShell>
    </div>
  );
}
