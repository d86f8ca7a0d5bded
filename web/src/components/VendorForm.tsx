import { onMount } from 'solid-js';
import { createForm } from '../form';
import { createVendor, updateVendor, type Vendor, type VendorCreateInput } from '../workApi';
import FormError from './FormError';
import FormField from './FormField';
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
  const vendor = props.vendor;
  const form = createForm({
    fields: FIELDS,
    idPrefix: props.idPrefix,
    initial: vendor
      ? {
          name: vendor.name,
          email: vendor.email ?? '',
          phone: vendor.phone ?? '',
          website: vendor.website ?? '',
          taxId: vendor.taxId ?? '',
          notes: vendor.notes ?? '',
        }
      : {},
    submit: async (v) => {
      // A new vendor leaves out what was left blank; an edit sends "" so clearing a field clears it.
      const optional = (text: string) => (text.trim() ? text.trim() : vendor ? '' : undefined);
      const body: VendorCreateInput = {
        name: v.name.trim(),
        email: optional(v.email),
        phone: optional(v.phone),
        website: optional(v.website),
        taxId: optional(v.taxId),
        notes: optional(v.notes),
      };
      const saved = vendor ? await updateVendor(vendor.id, body) : await createVendor(body);
      props.onSaved(saved);
    },
  });
  onMount(() => document.getElementById(`${props.idPrefix}-name`)?.focus());

  return (
    <div class="vendor-form">
      <FormError message={form.general()} />
      <form
        class="form"
        onSubmit={form.onSubmit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
        noValidate
        aria-label={vendor ? `Edit ${vendor.name}` : 'New vendor'}
        aria-busy={form.pending() ? 'true' : 'false'}
      >
        <div class="form-grid">
          <FormField {...form.field('name')} label="Name" autocomplete="off" maxLength={200} required />
          <FormField {...form.field('email')} label="Email" type="email" autocomplete="off" maxLength={254} />
          <FormField {...form.field('phone')} label="Phone" type="tel" autocomplete="off" maxLength={50} />
          <FormField {...form.field('website')} label="Website" autocomplete="off" inputMode="url" maxLength={300} />
          <FormField {...form.field('taxId')} label="Tax ID" autocomplete="off" maxLength={50} />
        </div>
        <TextAreaField {...form.field('notes')} label="Notes" maxLength={5000} />
        <div class="button-row">
          <button type="submit" class="btn btn-primary" disabled={form.pending()}>
            {form.pending() ? 'Saving…' : 'Save vendor'}
          </button>
          <button type="button" class="btn btn-secondary" onClick={() => props.onCancel()}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
