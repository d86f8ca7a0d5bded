import { Show, type JSX } from 'solid-js';
import { countOf } from '../format';
import { formatCents } from '../money';

export interface Figures {
  currency: string;
  outstandingCents: number;
  openInvoices: number;
  overdueCents: number;
  overdueInvoices: number;
  receivedCents: number;
}

/**
 * Owed, overdue and received side by side, in one currency: the dashboard's and a client's.
 * `children` adds further figures (a client's credit).
 */
export default function MoneyFigures(props: { figures: Figures; owedLabel: string; showCurrency: boolean; receivedNote: string; children?: JSX.Element }) {
  const f = () => props.figures;
  const money = (cents: number) => formatCents(cents, f().currency);
  return (
    <dl class="money-figures" data-currency={f().currency}>
      <div class="money-outstanding">
        <dt>{props.owedLabel}{props.showCurrency ? ` (${f().currency})` : ''}</dt>
        <dd>{money(f().outstandingCents)}</dd>
        <dd class="small muted">{countOf(f().openInvoices, 'open invoice', 'open invoices')}</dd>
      </div>
      <div class="money-overdue" classList={{ 'is-overdue': f().overdueCents > 0 }}>
        <dt>Overdue</dt>
        <dd>{money(f().overdueCents)}</dd>
        <dd class="small muted">
          <Show when={f().overdueInvoices} fallback="Nothing past due">{countOf(f().overdueInvoices, 'invoice', 'invoices')} past due</Show>
        </dd>
      </div>
      <div class="money-received">
        <dt>Received</dt>
        <dd>{money(f().receivedCents)}</dd>
        <dd class="small muted">{props.receivedNote}</dd>
      </div>
      {props.children}
    </dl>
  );
}
