import { overrideIncrementOptions, ROUNDING_MODE_OPTIONS } from '../rounding';
import SelectField from './SelectField';

type FieldProps = { id: string; name: string; value: string; error: string | undefined; onInput: (v: string) => void };

/**
 * A client's or project's own billing rounding: an increment (or inherit) and
 * a mode. The mode means nothing while the increment inherits or is none, so
 * it is disabled then.
 */
export default function RoundingOverrideFields(props: {
  increment: FieldProps;
  mode: FieldProps;
  /** What inheriting means here, e.g. "Company default". */
  inheritLabel: string;
  hint: string;
  disabled: boolean;
}) {
  const modeMatters = () => props.increment.value !== '' && props.increment.value !== '0';
  return (
    <>
      <SelectField
        {...props.increment}
        label="Billing rounding"
        options={overrideIncrementOptions(props.inheritLabel)}
        hint={props.hint}
        disabled={props.disabled}
      />
      <SelectField {...props.mode} label="Rounding mode" options={ROUNDING_MODE_OPTIONS} disabled={props.disabled || !modeMatters()} />
    </>
  );
}
