// The line table, discount fields, "prices include tax" switch and totals that the
// document editor and the recurring-series form share (state in ../documentLines.ts).
import { For, Show, type JSX } from 'solid-js';
import { DISCOUNT_OPTIONS, type LineEditor, type TotalsPreview } from '../documentLines';
import { formatCents } from '../money';
import { taxLabel } from '../workLabels';
import CheckboxField from './CheckboxField';
import DataTable from './DataTable';
import FieldError from './FieldError';
import FormField from './FormField';
import RowActionButton from './RowActionButton';
import SelectField from './SelectField';

/** Editable lines with each one's amount (from the live totals), Remove, and Add line. */
export function LinesEditor(props: { editor: LineEditor; totals: TotalsPreview | null; currency: string; error?: string | undefined }) {
  const ed = () => props.editor;
  const amount = (i: number) => {
    const net = props.totals?.lineNetCents[i];
    return net === undefined ? '—' : formatCents(net, props.currency);
  };
  return (
    <>
      <Show when={ed().lines.length > 0} fallback={<p class="muted">No lines yet.</p>}>
        <DataTable
          class="document-lines-table"
          caption="Lines"
          columns={['Description', 'Quantity', 'Unit price', 'Taxable', 'Tax rate (%)', { label: 'Amount', class: 'num' }]}
          actions
        >
          <For each={ed().lines}>
            {(line, i) => (
              <tr class="document-line" data-line-key={line.key}>
                <td>
                  <FormField {...ed().field(i(), 'description')} value={line.description} onInput={(v) => ed().set(i(), 'description', v)} label="Description" />
                </td>
                <td>
                  <FormField {...ed().field(i(), 'quantity')} value={line.quantity} onInput={(v) => ed().set(i(), 'quantity', v)} label="Quantity" inputMode="decimal" />
                </td>
                <td>
                  <FormField {...ed().field(i(), 'unitPrice')} value={line.unitPrice} onInput={(v) => ed().set(i(), 'unitPrice', v)} label="Unit price" inputMode="decimal" />
                </td>
                <td>
                  <CheckboxField {...ed().field(i(), 'taxable')} label="Taxable" checked={line.taxable} onChange={(checked) => ed().setTaxable(i(), checked)} />
                </td>
                <td>
                  <FormField {...ed().field(i(), 'taxRate')} value={line.taxRate} onInput={(v) => ed().set(i(), 'taxRate', v)} label="Tax rate (%)" inputMode="decimal" />
                </td>
                <td class="num document-line-amount">{amount(i())}</td>
                <td class="row-actions-cell">
                  <RowActionButton label={`Remove line ${i() + 1}`} text="Remove line" onClick={() => ed().remove(i())} />
                </td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
      <FieldError id={`${ed().idPrefix}-lines-error`} message={props.error} />
      <div class="button-row">
        <button type="button" class="btn btn-secondary" onClick={() => ed().add()} disabled={ed().full()}>
          Add line
        </button>
      </div>
    </>
  );
}

type FieldProps = { id: string; name: string; value: string; error: string | undefined; onInput: (v: string) => void };

/** The document discount: none, a percent or an amount (a createForm's `discountKind` and `discount` fields). */
export function DiscountFields(props: { kind: FieldProps; value: FieldProps }) {
  return (
    <div class="form-row document-discount">
      <SelectField {...props.kind} label="Discount" options={DISCOUNT_OPTIONS} />
      <Show when={props.kind.value}>
        <FormField {...props.value} label={props.kind.value === 'percent' ? 'Discount (%)' : 'Discount amount'} inputMode="decimal" />
      </Show>
    </div>
  );
}

/** The `taxInclusive` switch. */
export function TaxInclusiveField(props: { id: string; checked: boolean; onChange: (checked: boolean) => void; error?: string | undefined; disabled?: boolean }) {
  return (
    <CheckboxField
      id={props.id}
      name="taxInclusive"
      label="Prices include tax"
      hint="The tax is taken out of the prices instead of added to them."
      checked={props.checked}
      onChange={props.onChange}
      error={props.error}
      disabled={props.disabled}
    />
  );
}

/** Subtotal, discount, tax ("Tax (included)" when prices include it) and total; "—" while an input does not parse. */
export function TotalsList(props: {
  totals: Pick<TotalsPreview, 'subtotalCents' | 'discountCents' | 'taxCents' | 'totalCents'> | null;
  currency: string;
  taxInclusive: boolean;
  /** Rows after the total (paid, balance due). */
  children?: JSX.Element;
}) {
  const money = (pick: (t: NonNullable<typeof props.totals>) => number) => (props.totals ? formatCents(pick(props.totals), props.currency) : '—');
  return (
    <>
      <dl class="document-totals" aria-label="Totals">
        <div class="document-totals-row document-subtotal">
          <dt>Subtotal</dt>
          <dd>{money((t) => t.subtotalCents)}</dd>
        </div>
        <div class="document-totals-row document-discount-total">
          <dt>Discount</dt>
          <dd>{money((t) => t.discountCents)}</dd>
        </div>
        <div class="document-totals-row document-tax">
          <dt>{taxLabel(props.taxInclusive)}</dt>
          <dd>{money((t) => t.taxCents)}</dd>
        </div>
        <div class="document-totals-row document-grand-total">
          <dt>Total</dt>
          <dd>{money((t) => t.totalCents)}</dd>
        </div>
        {props.children}
      </dl>
      <Show when={!props.totals}>
        <p class="small muted document-totals-note">The totals show again once every quantity, price, tax rate and discount is a number.</p>
      </Show>
    </>
  );
}
