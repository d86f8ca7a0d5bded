import { createSignal } from 'solid-js';
import type { createPagedList } from './pagedList';

type PagedList<T> = ReturnType<typeof createPagedList<T, never>>;

/**
 * Add and edit rows of a paged list in place, one form at a time: `editing()` is
 * 'new', the id of the row being edited, or undefined. Closing a form hands focus
 * back to the button that opened it (the "New …" button or the row's Edit button)
 * so keyboard users do not lose their place.
 */
export function createInlineEditor<T extends { id: string; name: string }>(opts: {
  list: PagedList<T>;
  /** The id of a row's Edit button, where focus returns after editing that row. */
  editButtonId: (id: string) => string;
  /** Also run when a form opens (e.g. to clear a row action's error). */
  onStart?: () => void;
}) {
  const [editing, setEditing] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  let newButton: HTMLButtonElement | undefined;

  const start = (key: string) => {
    setNotice(undefined);
    opts.onStart?.();
    setEditing(key);
  };

  const stop = (focusId?: string) => {
    setEditing(undefined);
    queueMicrotask(() => (focusId ? document.getElementById(focusId)?.focus() : newButton?.focus()));
  };

  return {
    editing,
    notice,
    setNotice,
    /** Any form open: row buttons wait. */
    busy: () => editing() !== undefined,
    start,
    stop,
    toggleNew: () => (editing() === 'new' ? stop() : start('new')),
    setNewButton: (el: HTMLButtonElement) => (newButton = el),
    created: (item: T) => {
      opts.list.prepend(item);
      setNotice(`${item.name} added.`);
      stop();
    },
    saved: (item: T) => {
      opts.list.replace((t) => t.id === item.id, item);
      setNotice(`${item.name} saved.`);
      stop(opts.editButtonId(item.id));
    },
    cancelEdit: (id: string) => stop(opts.editButtonId(id)),
  };
}

/** The parts of an editor that do not depend on the row type, for the shared pieces of UI. */
export type InlineEditorControls = Pick<ReturnType<typeof createInlineEditor>, 'editing' | 'start' | 'toggleNew' | 'setNewButton'>;
