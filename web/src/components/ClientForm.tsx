import { onMount, Show } from 'solid-js';
import { addressBody, addressValues, formFieldName } from '../address';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { companyCurrency } from '../invoicingApi';
import { CURRENCIES, createClient, updateClient, type Client, type ClientCreateInput, type ClientKind } from '../workApi';
import { overrideBody, overrideToValues } from '../rounding';
import { CLIENT_KIND_OPTIONS } from '../workLabels';
import AddressFields from './AddressFields';
import FormField from './FormField';
import FormShell from './FormShell';
import RoundingOverrideFields from './RoundingOverrideFields';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';
import TextAreaField from './TextAreaField';

const FIELDS = [
  'kind',
  'name',
  'email',
  'phone',
  'taxId',
  'currency',
  'paymentTermsDays',
  'notes',
  'tags',
  'line1',
  'line2',
  'city',
  'country',
  'state',
  'postalCode',
  'roundingIncrementMinutes',
  'roundingMode',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

/**
 * A new client starts with no currency chosen ("" = the company's, which the server applies);
 * the form fills in the company's own as soon as it is known, so the select shows what is saved.
 */
function toValues(client: Client | undefined): Partial<Values> {
  if (!client) return { kind: 'business', currency: '', ...overrideToValues(undefined) };
  return {
    kind: client.kind,
    name: client.name,
    email: client.email ?? '',
    phone: client.phone ?? '',
    taxId: client.taxId ?? '',
    currency: client.currency,
    paymentTermsDays: client.paymentTermsDays === null || client.paymentTermsDays === undefined ? '' : String(client.paymentTermsDays),
    notes: client.notes ?? '',
    tags: client.tags.join(', '),
    ...addressValues(client.address),
    ...overrideToValues(client),
  };
}

/** "a, b,, c " → ["a", "b", "c"] (duplicates dropped). */
function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/**
 * The request body. A new client leaves out what was left blank; an edit sends
 * every field, with blanks as "", so clearing a field clears it.
 */
function toBody(v: Values, creating: boolean): ClientCreateInput {
  const days = v.paymentTermsDays.trim();
  if (days && !/^\d+$/.test(days)) invalidFields({ paymentTermsDays: 'Enter a whole number of days.' });
  const optional = (text: string) => (text.trim() ? text.trim() : creating ? undefined : '');
  const address = addressBody(v);
  const body: ClientCreateInput = {
    kind: v.kind as ClientKind,
    name: v.name.trim(),
    email: optional(v.email),
    phone: optional(v.phone),
    taxId: optional(v.taxId),
    currency: (v.currency || undefined) as ClientCreateInput['currency'],
    paymentTermsDays: days ? Number(days) : undefined,
    notes: optional(v.notes),
    tags: parseTags(v.tags),
    address,
    ...overrideBody(v),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as ClientCreateInput;
}

interface ClientFormProps {
  client?: Client;
  /** clients.manage, and the client is not deleted. */
  canEdit: boolean;
  onSaved: (client: Client) => void;
}

/** New or existing client: kind, contact, billing defaults, notes, tags and address. */
export default function ClientForm(props: ClientFormProps) {
  const form = createForm({
    fields: FIELDS,
    idPrefix: 'client',
    initial: toValues(props.client),
    submit: async (v) => {
      const creating = !props.client;
      const body = toBody(v, creating);
      const saved = await renameFieldErrors(
        props.client ? updateClient(props.client.id, body) : createClient(body),
        formFieldName,
      );
      form.reset(toValues(saved));
      props.onSaved(saved);
    },
  });
  const disabled = () => !props.canEdit;
  onMount(async () => {
    if (props.client) return;
    // Not fatal: left blank, the server still gives the client the company's currency.
    const currency = await companyCurrency().catch(() => undefined);
    if (currency && !form.values.currency) form.set('currency', currency);
  });

  return (
    <>
      <FormShell form={form} class="form client-form" label={props.client ? `Edit ${props.client.name}` : 'New client'}>
        <div class="form-grid">
          <SelectField {...form.field('kind')} label="Kind" options={CLIENT_KIND_OPTIONS} disabled={disabled()} />
          <FormField {...form.field('name')} label="Name" autocomplete="off" maxLength={200} required disabled={disabled()} />
          <FormField {...form.field('email')} label="Email" type="email" autocomplete="off" maxLength={254} disabled={disabled()} />
          <FormField {...form.field('phone')} label="Phone" type="tel" autocomplete="off" maxLength={50} disabled={disabled()} />
          <FormField {...form.field('taxId')} label="Tax ID" autocomplete="off" maxLength={50} disabled={disabled()} />
          <SelectField {...form.field('currency')} label="Currency" options={CURRENCY_OPTIONS} placeholder={props.client ? undefined : 'Company currency'} disabled={disabled()} />
          <FormField
            {...form.field('paymentTermsDays')}
            label="Payment terms (days)"
            inputMode="numeric"
            hint="Days until an invoice is due."
            maxLength={3}
            disabled={disabled()}
          />
          <FormField
            {...form.field('tags')}
            label="Tags"
            hint="Separate tags with commas."
            autocomplete="off"
            maxLength={500}
            disabled={disabled()}
          />
          <RoundingOverrideFields
            increment={form.field('roundingIncrementMinutes')}
            mode={form.field('roundingMode')}
            inheritLabel="Company default"
            hint="How this client's time is rounded when billed; its projects may set their own."
            disabled={disabled()}
          />
        </div>
        <TextAreaField {...form.field('notes')} label="Notes" maxLength={5000} disabled={disabled()} />
        <AddressFields field={(name) => form.field(name)} disabled={disabled()} />
        <Show when={props.canEdit}>
          <div class="button-row">
            <SubmitButton pending={form.pending()} working="Saving…">
              Save client
            </SubmitButton>
          </div>
        </Show>
      </FormShell>
    </>
  );
}
