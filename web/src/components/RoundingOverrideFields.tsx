import { overrideIncrementOptions, overrideModeOptions } from '../rounding';
import SelectField from './SelectField';

type FieldProps = { id: string; name: string; value: string; error: string | undefined; onInput: (v: string) => void };

/**
 * A client's or project's own billing rounding: an increment and a mode, each
 * of which may inherit. The mode is offered with an increment of its own, and
 * wherever one is already set (through the API, a mode alone) so it can be
 * seen and changed; with no rounding ("None") it means nothing. Choosing the
 * inherited increment takes the whole rule from above, mode too.
 */
export default function RoundingOverrideFields(props: {
  increment: FieldProps;
  mode: FieldProps;
  /** What inheriting means here, e.g. "Company default". */
  inheritLabel: string;
  hint: string;
  disabled: boolean;
}) {
  const modeMatters = () => props.increment.value !== '0' && (props.increment.value !== '' || props.mode.value !== '');
  const setIncrement = (v: string) => {
    props.increment.onInput(v);
    if (v === '') props.mode.onInput('');
  };
  return (
    <>
      <SelectField
        {...props.increment}
        onInput={setIncrement}
        label="Billing rounding"
        options={overrideIncrementOptions(props.inheritLabel)}
        hint={props.hint}
        disabled={props.disabled}
      />
      <SelectField
        {...props.mode}
        label="Rounding mode"
        options={overrideModeOptions(props.inheritLabel)}
        disabled={props.disabled || !modeMatters()}
      />
    </>
  );
}
