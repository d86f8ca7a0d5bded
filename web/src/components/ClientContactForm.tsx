import { createRecordForm } from '../recordForm';
import { createClientContact, updateClientContact, type ClientContact, type ClientContactInput } from '../workApi';
import CheckboxField from './CheckboxField';
import FormField from './FormField';
import InlineForm from './InlineForm';

interface ClientContactFormProps {
  clientId: string;
  /** Editing this contact; absent for a new one. */
  contact?: ClientContact;
  idPrefix: string;
  onSaved: (contact: ClientContact) => void;
  onCancel: () => void;
}

const FIELDS = ['name', 'title', 'email', 'phone', 'isPrimary'] as const;

/** A person at a client: name, role or title, email, phone, and whether they are the primary contact. */
export default function ClientContactForm(props: ClientContactFormProps) {
  const editing = props.contact !== undefined;
  // A new contact leaves out what was left blank; an edit sends "" so clearing a field clears it.
  const optional = (text: string) => (text.trim() ? text.trim() : editing ? '' : undefined);
  const form = createRecordForm({
    fields: FIELDS,
    idPrefix: props.idPrefix,
    record: props.contact,
    toValues: (c) => ({ name: c.name, title: c.title ?? '', email: c.email ?? '', phone: c.phone ?? '', isPrimary: c.isPrimary ? 'yes' : '' }),
    toBody: (v): ClientContactInput => ({
      name: v.name.trim(),
      title: optional(v.title),
      email: optional(v.email),
      phone: optional(v.phone),
      // Unticked on a new contact: let the server decide (a client's first contact becomes primary).
      isPrimary: v.isPrimary ? true : editing ? false : undefined,
    }),
    create: (body) => createClientContact(props.clientId, body),
    update: (id, body) => updateClientContact(props.clientId, id, body),
    onSaved: (saved) => props.onSaved(saved),
  });

  return (
    <InlineForm
      form={form}
      class="contact-form"
      label={props.contact ? `Edit ${props.contact.name}` : 'New contact'}
      saveText="Save contact"
      focusId={`${props.idPrefix}-name`}
      onCancel={props.onCancel}
    >
      <div class="form-grid">
        <FormField {...form.field('name')} label="Name" autocomplete="off" maxLength={200} required />
        <FormField {...form.field('title')} label="Role or title" autocomplete="off" maxLength={100} />
        <FormField {...form.field('email')} label="Email" type="email" autocomplete="off" maxLength={254} />
        <FormField {...form.field('phone')} label="Phone" type="tel" autocomplete="off" maxLength={50} />
      </div>
      <CheckboxField
        id={`${props.idPrefix}-isPrimary`}
        name="isPrimary"
        label="Primary contact"
        hint="One per client: marking this one replaces the current primary."
        checked={!!form.values.isPrimary}
        onChange={(on) => form.set('isPrimary', on ? 'yes' : '')}
        error={form.field('isPrimary').error}
      />
    </InlineForm>
  );
}
