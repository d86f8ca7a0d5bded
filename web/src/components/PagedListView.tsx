import { Match, Switch, type Accessor, type JSX } from 'solid-js';
import type { createPagedList } from '../pagedList';
import EmptyState from './EmptyState';
import LoadMore from './LoadMore';
import { LoadError, Loading } from './PageStatus';

/** The states every paged list shows: loading, failed (with retry), empty (offering the next action), items with "Load more". */
export default function PagedListView<T>(props: {
  list: ReturnType<typeof createPagedList<T, never>>;
  loadingLabel: string;
  empty: JSX.Element;
  children: (items: Accessor<T[]>) => JSX.Element;
}) {
  const list = () => props.list;
  return (
    <Switch fallback={<Loading label={props.loadingLabel} />}>
      <Match when={list().error()}>{(message) => <LoadError message={message()} onRetry={() => void list().reload()} />}</Match>
      <Match when={list().items()?.length === 0}>
        <EmptyState>{props.empty}</EmptyState>
      </Match>
      <Match when={list().items()}>
        {(items) => (
          <>
            {props.children(items)}
            <LoadMore
              cursor={list().nextCursor()}
              pending={list().more.pending()}
              error={list().more.error()}
              onMore={(cursor) => void list().more.run(cursor)}
            />
          </>
        )}
      </Match>
    </Switch>
  );
}
