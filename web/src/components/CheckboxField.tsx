import FieldNotes, { noteAttrs } from './FieldNotes';

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
          {...noteAttrs(props)}
        />
        <label for={props.id}>{props.label}</label>
      </div>
      <FieldNotes {...props} />
    </div>
  );
}
