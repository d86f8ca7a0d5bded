import FieldNotes, { noteAttrs } from './FieldNotes';

interface TextAreaFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  maxLength?: number;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
}

/** Labelled multi-line text with the same hint/error wiring as FormField. */
export default function TextAreaField(props: TextAreaFieldProps) {
  return (
    <div class="field" classList={{ 'has-error': !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 3}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        maxLength={props.maxLength}
        disabled={props.disabled}
        {...noteAttrs(props)}
      />
      <FieldNotes {...props} />
    </div>
  );
}
