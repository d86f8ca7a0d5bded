import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDay } from '../dates';
import { countOf } from '../format';
import { formatCents } from '../money';
import type { DocumentSummary } from '../workApi';
import { documentStatusLabel } from '../workLabels';
import DataTable, { type Column } from './DataTable';

/** Estimates or invoices: number (links to the editor), client, dates, status and the server's total (and, for invoices, what is still due). */
export default function DocumentsTable(props: { documents: readonly DocumentSummary[]; caption: string; busy?: boolean; showBalance?: boolean }) {
  const columns = (): Column[] => [
    'Number', 'Client', 'Issue date', 'Due date', 'Status', { label: 'Total', class: 'num' },
    ...(props.showBalance ? [{ label: 'Balance due', class: 'num' }] : []),
  ];
  return (
    <DataTable class="documents-table" caption={props.caption} columns={columns()} busy={!!props.busy}>
      <For each={props.documents}>
        {(doc) => (
          <tr data-document-id={doc.id} data-status={doc.status}>
            <td class="document-number">
              <A href={`/documents/${doc.id}`}>{doc.number}</A>
            </td>
            <td>{doc.client.name || '—'}</td>
            <td>{formatDay(doc.issueDate)}</td>
            <td>{formatDay(doc.dueDate)}</td>
            <td>
              <span class={`badge document-status status-${doc.status}`}>{documentStatusLabel(doc.status)}</span>
            </td>
            <td class="num document-total">{formatCents(doc.totalCents, doc.currency)}</td>
            <Show when={props.showBalance}>
              <td class="num document-balance">{doc.status === 'draft' ? '—' : formatCents(doc.balanceCents, doc.currency)}</td>
            </Show>
          </tr>
        )}
      </For>
    </DataTable>
  );
}

/**
 * The sums of the listed documents' totals and balances, one line per currency. Void invoices
 * bill nothing, so they count in neither; drafts count in the total (work about to be billed)
 * but are not owed yet.
 */
export function DocumentsSummary(props: { documents: readonly DocumentSummary[]; noun: readonly [one: string, many: string]; showBalance?: boolean; more?: boolean }) {
  const sums = () => {
    const by = new Map<string, { total: number; balance: number }>();
    for (const d of props.documents) {
      if (d.status === 'void') continue;
      const s = by.get(d.currency) ?? { total: 0, balance: 0 };
      s.total += d.totalCents;
      if (d.status !== 'draft') s.balance += d.balanceCents;
      by.set(d.currency, s);
    }
    return [...by.entries()];
  };
  // Only invoices are ever void; say so where the figure is.
  const totalLabel = () => (props.showBalance ? 'Total, excluding void' : 'Total');
  return (
    <div class="documents-summary" aria-label={`Totals of the listed ${props.noun[1]}`} role="group">
      <p class="small muted">
        {countOf(props.documents.length, ...props.noun)} listed{props.more ? ' (load more to include the rest)' : ''}
      </p>
      <For each={sums()}>
        {([currency, s]) => (
          <dl class="documents-summary-row" data-currency={currency}>
            <div class="documents-summary-total">
              <dt>{totalLabel()}{sums().length > 1 ? ` (${currency})` : ''}</dt>
              <dd>{formatCents(s.total, currency)}</dd>
            </div>
            <Show when={props.showBalance}>
              <div class="documents-summary-balance">
                <dt>Balance due{sums().length > 1 ? ` (${currency})` : ''}</dt>
                <dd>{formatCents(s.balance, currency)}</dd>
              </div>
            </Show>
          </dl>
        )}
      </For>
    </div>
  );
}
