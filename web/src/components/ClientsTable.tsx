import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatCents } from '../money';
import { clientKindLabel } from '../workLabels';
import type { ClientListItem } from '../workApi';
import DataTable, { type Column } from './DataTable';

/** Clients: name (links to the client), kind, email, tags, and — when the list carries it — what each owes. */
export default function ClientsTable(props: { clients: readonly ClientListItem[]; busy?: boolean; showOwed?: boolean }) {
  const columns = (): Column[] => ['Name', 'Kind', 'Email', 'Tags', ...(props.showOwed ? [{ label: 'Outstanding', class: 'num' }] : [])];
  return (
    <DataTable class="clients-table" caption="Clients" columns={columns()} busy={!!props.busy}>
      <For each={props.clients}>
        {(client) => (
          <tr data-client-id={client.id} classList={{ 'is-deleted': !!client.deletedAt }}>
            <td class="client-name">
              <A href={`/clients/${client.id}`}>{client.name}</A>
              <Show when={client.deletedAt}>
                {' '}
                <span class="badge status-deleted">Deleted</span>
              </Show>
            </td>
            <td>{clientKindLabel(client.kind)}</td>
            <td class="client-email">{client.email || '—'}</td>
            <td>
              <Show when={client.tags.length > 0} fallback="—">
                <ul class="tag-list" aria-label="Tags">
                  <For each={client.tags}>{(tag) => <li class="tag">{tag}</li>}</For>
                </ul>
              </Show>
            </td>
            <Show when={props.showOwed}>
              <td class="num client-owed">
                <For each={client.owed ?? []} fallback="—">
                  {(o) => (
                    <div>
                      {formatCents(o.outstandingCents, o.currency)}
                      <Show when={o.overdueCents > 0}>
                        <span class="small client-overdue"> ({formatCents(o.overdueCents, o.currency)} overdue)</span>
                      </Show>
                    </div>
                  )}
                </For>
              </td>
            </Show>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
