import { createEffect, For, on, onMount, Show } from 'solid-js';
import { formatDateTime } from '../format';
import { createPagedList } from '../pagedList';
import { clientTimeline } from '../workApi';
import PagedListView from './PagedListView';

interface ClientTimelineProps {
  clientId: string;
  /** Bump to reload (after a change elsewhere on the page). */
  version?: number;
}

/** What happened with a client — changes and recorded time — newest first, paged by "Load more". */
export default function ClientTimeline(props: ClientTimelineProps) {
  const list = createPagedList(
    (query: { cursor?: string }) => clientTimeline({ id: props.clientId, cursor: query.cursor }),
    'Could not load the timeline.',
  );
  onMount(() => void list.load({}));
  createEffect(on(() => props.version, () => void list.reload(), { defer: true }));

  return (
    <section class="card client-timeline" aria-labelledby="client-timeline-title">
      <h2 id="client-timeline-title">Timeline</h2>
      <PagedListView list={list} loadingLabel="Loading the timeline…" empty={<p>Nothing has happened with this client yet.</p>}>
        {(items) => (
          <ol class="timeline" aria-busy={list.loading() ? 'true' : 'false'}>
            <For each={items()}>
              {(item) => (
                <li class={`timeline-item timeline-${item.kind}`} data-timeline-id={item.id}>
                  <time class="timeline-at" datetime={item.at}>
                    {formatDateTime(item.at)}
                  </time>
                  <p class="timeline-title">{item.title}</p>
                  <Show when={item.detail}>
                    <p class="timeline-detail">{item.detail}</p>
                  </Show>
                  <p class="timeline-actor small muted">
                    {item.actor ? (item.actor.email ?? 'Deleted user') : 'System'}
                  </p>
                </li>
              )}
            </For>
          </ol>
        )}
      </PagedListView>
    </section>
  );
}
