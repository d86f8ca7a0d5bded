import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { formatDay } from '../dates';
import { formatCents } from '../money';
import type { DocumentSummary } from '../workApi';
import { documentStatusLabel } from '../workLabels';
import DataTable from './DataTable';

/** Estimates or invoices: number (links to the editor), client, dates, status and the server's total. */
export default function DocumentsTable(props: { documents: readonly DocumentSummary[]; caption: string; busy?: boolean }) {
  return (
    <DataTable
      class="documents-table"
      caption={props.caption}
      columns={['Number', 'Client', 'Issue date', 'Due date', 'Status', { label: 'Total', class: 'num' }]}
      busy={!!props.busy}
    >
      <For each={props.documents}>
        {(doc) => (
          <tr data-document-id={doc.id}>
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
          </tr>
        )}
      </For>
    </DataTable>
  );
}
