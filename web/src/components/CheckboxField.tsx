import { Show } from 'solid-js';
import FieldError from './FieldError';

interface CheckboxFieldProps {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
}

/** Checkbox with its label beside it, plus optional hint and error. */
export default function CheckboxField(props: CheckboxFieldProps) {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const describedBy = () =>
    [props.hint ? hintId() : undefined, props.error ? errorId() : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div class="field field-checkbox" classList={{ 'has-error': !!props.error }}>
      <div class="checkbox-row">
        <input
          id={props.id}
          name={props.name}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
          disabled={props.disabled}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
        <label for={props.id}>{props.label}</label>
      </div>
      <Show when={props.hint}>
        <p id={hintId()} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={errorId()} message={props.error} />
    </div>
  );
}
