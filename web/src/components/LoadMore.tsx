import { Show } from 'solid-js';

interface LoadMoreProps {
  cursor: string | null;
  pending: boolean;
  error?: string | undefined;
  onMore: (cursor: string) => void;
}

/** "Load more" under a cursor-paged table, with its own error line. */
export default function LoadMore(props: LoadMoreProps) {
  return (
    <>
      <Show when={props.error}>
        <p class="inline-error" role="alert">
          {props.error}
        </p>
      </Show>
      <Show when={props.cursor}>
        {(cursor) => (
          <div class="load-more">
            <button type="button" class="btn btn-secondary" onClick={() => props.onMore(cursor())} disabled={props.pending}>
              {props.pending ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </Show>
    </>
  );
}
