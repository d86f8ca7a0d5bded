import type { JSX } from 'solid-js';
import FieldNotes, { noteAttrs } from './FieldNotes';

interface FormFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'search' | 'time' | 'tel';
  autocomplete?: string;
  inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
}

/** Labelled input with optional hint and error text wired up via aria-describedby. */
export default function FormField(props: FormFieldProps) {
  return (
    <div class="field" classList={{ 'has-error': !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        required={props.required}
        disabled={props.disabled}
        readOnly={props.readOnly}
        {...noteAttrs(props)}
      />
      <FieldNotes {...props} />
    </div>
  );
}
