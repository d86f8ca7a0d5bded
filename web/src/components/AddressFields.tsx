import { Show } from 'solid-js';
import { COUNTRIES, US_STATES } from '../geo';
import FormField from './FormField';
import SelectField from './SelectField';

type AddressField = 'line1' | 'line2' | 'city' | 'state' | 'postalCode' | 'country';

interface FieldProps {
  id: string;
  name: string;
  value: string;
  error?: string | undefined;
  onInput: (value: string) => void;
}

interface AddressFieldsProps {
  field: (name: AddressField) => FieldProps;
  disabled?: boolean;
}

const COUNTRY_OPTIONS = [{ value: '', label: 'Not set' }, ...COUNTRIES];
const STATE_OPTIONS = [{ value: '', label: 'Choose a state' }, ...US_STATES];

/** Address lines, city, country, then State — a select of US states when the country is US, text otherwise. */
export default function AddressFields(props: AddressFieldsProps) {
  const isUs = () => props.field('country').value === 'US';
  return (
    <fieldset class="fieldset" disabled={props.disabled}>
      <legend>Address</legend>
      <FormField {...props.field('line1')} label="Address line 1" autocomplete="off" maxLength={200} disabled={props.disabled} />
      <FormField {...props.field('line2')} label="Address line 2" autocomplete="off" maxLength={200} disabled={props.disabled} />
      <div class="form-grid">
        <FormField {...props.field('city')} label="City" autocomplete="off" maxLength={100} disabled={props.disabled} />
        <SelectField
          {...props.field('country')}
          onInput={(value) => {
            // US states and free-text regions don't carry over between the two.
            if ((value === 'US') !== isUs()) props.field('state').onInput('');
            props.field('country').onInput(value);
          }}
          label="Country"
          options={COUNTRY_OPTIONS}
          disabled={props.disabled}
        />
        <Show
          when={isUs()}
          fallback={<FormField {...props.field('state')} label="State" autocomplete="off" maxLength={100} disabled={props.disabled} />}
        >
          <SelectField {...props.field('state')} label="State" options={STATE_OPTIONS} disabled={props.disabled} />
        </Show>
        <FormField {...props.field('postalCode')} label="Postal code" autocomplete="off" maxLength={20} disabled={props.disabled} />
      </div>
    </fieldset>
  );
}
