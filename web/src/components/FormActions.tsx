import type { JSX } from 'solid-js';
import SubmitButton from './SubmitButton';

/** A form's closing row: its submit button (busy while sending) and a way out that sends nothing. */
export default function FormActions(props: {
  pending: boolean;
  working: string;
  submitClass?: string;
  cancelText?: string;
  onCancel: () => void;
  children: JSX.Element;
}) {
  return (
    <div class="button-row">
      <SubmitButton pending={props.pending} working={props.working} class={props.submitClass}>
        {props.children}
      </SubmitButton>
      <button type="button" class="btn btn-secondary" onClick={() => props.onCancel()}>
        {props.cancelText ?? 'Cancel'}
      </button>
    </div>
  );
}
