import { createRecordForm } from '../recordForm';
import { createVendor, updateVendor, type Vendor, type VendorCreateInput } from '../workApi';
import FormField from './FormField';
import InlineForm from './InlineForm';
import TextAreaField from './TextAreaField';

interface VendorFormProps {
  /** Editing this vendor; absent for a new one. */
  vendor?: Vendor;
  idPrefix: string;
  onSaved: (vendor: Vendor) => void;
  onCancel: () => void;
}

const FIELDS = ['name', 'email', 'phone', 'website', 'taxId', 'notes'] as const;

/** A vendor (new or existing): name, contact details, tax ID and notes. */
export default function VendorForm(props: VendorFormProps) {
  const editing = props.vendor !== undefined;
  // A new vendor leaves out what was left blank; an edit sends "" so clearing a field clears it.
  const optional = (text: string) => (text.trim() ? text.trim() : editing ? '' : undefined);
  const form = createRecordForm({
    fields: FIELDS,
    idPrefix: props.idPrefix,
    record: props.vendor,
    toValues: (vendor) => ({
      name: vendor.name,
      email: vendor.email ?? '',
      phone: vendor.phone ?? '',
      website: vendor.website ?? '',
      taxId: vendor.taxId ?? '',
      notes: vendor.notes ?? '',
    }),
    toBody: (v): VendorCreateInput => ({
      name: v.name.trim(),
      email: optional(v.email),
      phone: optional(v.phone),
      website: optional(v.website),
      taxId: optional(v.taxId),
      notes: optional(v.notes),
    }),
    create: createVendor,
    update: updateVendor,
    onSaved: (saved) => props.onSaved(saved),
  });

  return (
    <InlineForm
      form={form}
      class="vendor-form"
      label={props.vendor ? `Edit ${props.vendor.name}` : 'New vendor'}
      saveText="Save vendor"
      focusId={`${props.idPrefix}-name`}
      onCancel={props.onCancel}
    >
      <div class="form-grid">
        <FormField {...form.field('name')} label="Name" autocomplete="off" maxLength={200} required />
        <FormField {...form.field('email')} label="Email" type="email" autocomplete="off" maxLength={254} />
        <FormField {...form.field('phone')} label="Phone" type="tel" autocomplete="off" maxLength={50} />
        <FormField {...form.field('website')} label="Website" autocomplete="off" inputMode="url" maxLength={300} />
        <FormField {...form.field('taxId')} label="Tax ID" autocomplete="off" maxLength={50} />
      </div>
      <TextAreaField {...form.field('notes')} label="Notes" maxLength={5000} />
    </InlineForm>
  );
}
