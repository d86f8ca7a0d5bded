import { createSignal } from 'solid-js';
import { createPagedList } from './pagedList';
import type { Page } from './workApi';

/**
 * A paged list filtered by a search text and, for managers, "show deleted":
 * `search()` reloads the first page with the current filters.
 */
export function createSearchableList<T>(
  fetchPage: (query: { q?: string; includeDeleted?: boolean; cursor?: string }) => Promise<Page<T>>,
  failure: string,
) {
  const list = createPagedList(fetchPage, failure);
  const [q, setQ] = createSignal('');
  const [showDeleted, setShowDeleted] = createSignal(false);
  // Empty filters are left out of the query string rather than sent blank.
  const search = () => list.load({ q: q() || undefined, includeDeleted: showDeleted() || undefined });
  return { list, q, setQ, showDeleted, setShowDeleted, search };
}

export type SearchableList = Omit<ReturnType<typeof createSearchableList<unknown>>, 'list'>;
