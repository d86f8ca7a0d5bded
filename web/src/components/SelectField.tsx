import { For, Show } from 'solid-js';
import FieldNotes, { noteAttrs } from './FieldNotes';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  options: readonly SelectOption[];
  /** Shown first with an empty value, e.g. "Choose a member". */
  placeholder?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/** Labelled `<select>` with the same hint/error wiring as FormField. */
export default function SelectField(props: SelectFieldProps) {
  return (
    <div class="field" classList={{ 'has-error': !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onInput(e.currentTarget.value)}
        required={props.required}
        disabled={props.disabled}
        {...noteAttrs(props)}
      >
        <Show when={props.placeholder}>
          <option value="" disabled selected={props.value === ''}>
            {props.placeholder}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <FieldNotes {...props} />
    </div>
  );
}
