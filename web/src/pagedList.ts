import { createSignal } from 'solid-js';
import { createAction, errorMessage } from './action';
import type { Page } from './workApi';

/**
 * A cursor-paged list: `load(query)` fetches the first page (a newer load wins
 * over an older one still in flight), `more` appends the next page.
 * `items()` is undefined until the first page arrives.
 */
export function createPagedList<T, Q extends object>(
  fetchPage: (query: Q & { cursor?: string }) => Promise<Page<T>>,
  failure: string,
) {
  const [items, setItems] = createSignal<T[]>();
  const [nextCursor, setNextCursor] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string>();
  const [loading, setLoading] = createSignal(false);
  let query = {} as Q;
  let generation = 0;

  const load = async (next: Q = query) => {
    query = next;
    const mine = ++generation;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage({ ...next });
      if (mine !== generation) return;
      setItems(page.items);
      setNextCursor(page.nextCursor ?? null);
    } catch (err) {
      if (mine === generation) setError(errorMessage(err, failure));
    } finally {
      if (mine === generation) setLoading(false);
    }
  };

  const more = createAction(async (cursor: string) => {
    const mine = generation;
    const page = await fetchPage({ ...query, cursor });
    if (mine !== generation) return;
    setItems((prev) => [...(prev ?? []), ...page.items]);
    setNextCursor(page.nextCursor ?? null);
  });

  return {
    items,
    nextCursor,
    error,
    loading,
    load,
    /** Reload with the last query. */
    reload: () => load(query),
    more,
    /** Replace items matching `same` with `item` (after an edit). */
    replace: (same: (t: T) => boolean, item: T) => setItems((prev) => prev?.map((t) => (same(t) ? item : t))),
    remove: (same: (t: T) => boolean) => setItems((prev) => prev?.filter((t) => !same(t))),
    prepend: (item: T) => setItems((prev) => [item, ...(prev ?? [])]),
  };
}
