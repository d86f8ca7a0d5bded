import { centsToInput } from '../money';
import { createRecordForm } from '../recordForm';
import { createCatalogItem, updateCatalogItem, type CatalogItem, type CatalogItemType } from '../workApi';
import { CATALOG_TYPE_OPTIONS } from '../workLabels';
import CheckboxField from './CheckboxField';
import FormField from './FormField';
import InlineForm from './InlineForm';
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
  const form = createRecordForm({
    fields: FIELDS,
    idPrefix: props.idPrefix,
    record: props.item,
    toValues: (item) => ({
      type: item.type,
      name: item.name,
      description: item.description ?? '',
      rate: centsToInput(item.rateCents),
      taxable: item.taxable ? 'true' : '',
      active: item.active ? 'true' : '',
    }),
    blank: { type: 'service', active: 'true' },
    toBody: (v) => ({
      type: v.type as CatalogItemType,
      name: v.name.trim(),
      description: v.description.trim(),
      rate: v.rate.trim(),
      taxable: v.taxable === 'true',
      active: v.active === 'true',
    }),
    create: createCatalogItem,
    update: updateCatalogItem,
    onSaved: (saved) => props.onSaved(saved),
  });

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
    <InlineForm
      form={form}
      class="catalog-item-form"
      label={props.item ? `Edit ${props.item.name}` : 'New item'}
      saveText="Save item"
      focusId={`${props.idPrefix}-name`}
      onCancel={props.onCancel}
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
    </InlineForm>
  );
}
