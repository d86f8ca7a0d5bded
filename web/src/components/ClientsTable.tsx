import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { clientKindLabel } from '../workLabels';
import type { Client } from '../workApi';
import DataTable from './DataTable';

/** Clients: name (links to the client), kind, email and tags. */
export default function ClientsTable(props: { clients: readonly Client[]; busy?: boolean }) {
  return (
    <DataTable class="clients-table" caption="Clients" columns={['Name', 'Kind', 'Email', 'Tags']} busy={!!props.busy}>
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
          </tr>
        )}
      </For>
    </DataTable>
  );
}
