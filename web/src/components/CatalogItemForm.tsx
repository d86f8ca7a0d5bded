import { onMount } from 'solid-js';
import { createForm } from '../form';
import { centsToInput } from '../money';
import { createCatalogItem, updateCatalogItem, type CatalogCreateInput, type CatalogItem, type CatalogItemType } from '../workApi';
import { CATALOG_TYPE_OPTIONS } from '../workLabels';
import CheckboxField from './CheckboxField';
import FormError from './FormError';
import FormField from './FormField';
import SelectField from './SelectField';

interface CatalogItemFormProps {
  /** Editing this item; absent for a new one. */
  item?: CatalogItem;
  idPrefix: string;
  onSaved: (item: CatalogItem) => void;
  onCancel: () => void;
}

const FIELDS = ['type', 'name', 'description', 'rate', 'taxable', 'active'] as const;

/** A catalog item (new or existing): type, name, description, rate in dollars, taxable, active. */
export default function CatalogItemForm(props: CatalogItemFormProps) {
  const item = props.item;
  const form = createForm({
    fields: FIELDS,
    idPrefix: props.idPrefix,
    initial: item
      ? {
          type: item.type,
          name: item.name,
          description: item.description ?? '',
          rate: centsToInput(item.rateCents),
          taxable: item.taxable ? 'true' : '',
          active: item.active ? 'true' : '',
        }
      : { type: 'service', active: 'true' },
    submit: async (v) => {
      const body: CatalogCreateInput = {
        type: v.type as CatalogItemType,
        name: v.name.trim(),
        description: v.description.trim(),
        rate: v.rate.trim(),
        taxable: v.taxable === 'true',
        active: v.active === 'true',
      };
      const saved = item ? await updateCatalogItem(item.id, body) : await createCatalogItem(body);
      props.onSaved(saved);
    },
  });
  onMount(() => document.getElementById(`${props.idPrefix}-name`)?.focus());

  const checkbox = (name: 'taxable' | 'active', label: string) => (
    <CheckboxField
      id={`${props.idPrefix}-${name}`}
      name={name}
      label={label}
      checked={form.values[name] === 'true'}
      onChange={(on) => form.set(name, on ? 'true' : '')}
      error={form.field(name).error}
    />
  );

  return (
    <div class="catalog-item-form">
      <FormError message={form.general()} />
      <form
        class="form"
        onSubmit={form.onSubmit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
        noValidate
        aria-label={item ? `Edit ${item.name}` : 'New item'}
        aria-busy={form.pending() ? 'true' : 'false'}
      >
        <div class="form-grid">
          <SelectField {...form.field('type')} label="Type" options={CATALOG_TYPE_OPTIONS} />
          <FormField {...form.field('name')} label="Name" autocomplete="off" maxLength={200} required />
          <FormField {...form.field('rate')} label="Rate" inputMode="decimal" hint="Dollars, e.g. 125.00" required />
          <FormField {...form.field('description')} label="Description" autocomplete="off" maxLength={1000} />
        </div>
        <div class="checkbox-list checkbox-list-inline">
          {checkbox('taxable', 'Taxable')}
          {checkbox('active', 'Active')}
        </div>
        <div class="button-row">
          <button type="submit" class="btn btn-primary" disabled={form.pending()}>
            {form.pending() ? 'Saving…' : 'Save item'}
          </button>
          <button type="button" class="btn btn-secondary" onClick={() => props.onCancel()}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
