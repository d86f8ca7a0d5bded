import FieldNotes, { noteAttrs } from './FieldNotes';

interface FileFieldProps {
  id: string;
  name: string;
  label: string;
  /** The chosen file, or undefined when the choice is cleared. */
  onChange: (file: File | undefined) => void;
  accept?: string;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
  ref?: (input: HTMLInputElement) => void;
}

/** Labelled single-file input with the same hint/error wiring as FormField. */
export default function FileField(props: FileFieldProps) {
  return (
    <div class="field field-file" classList={{ 'has-error': !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <input
        ref={(el) => props.ref?.(el)}
        id={props.id}
        name={props.name}
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.files?.[0])}
        {...noteAttrs(props)}
      />
      <FieldNotes {...props} />
    </div>
  );
}
