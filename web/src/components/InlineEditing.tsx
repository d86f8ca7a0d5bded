import { For, Show, type JSX } from 'solid-js';
import type { InlineEditorControls } from '../inlineEditor';

/** The header's "New …" button: opens the inline form, or closes it when it is open. */
export function NewItemButton(props: { editor: InlineEditorControls; controls: string; children: JSX.Element }) {
  return (
    <button
      ref={props.editor.setNewButton}
      type="button"
      class="btn btn-primary"
      aria-expanded={props.editor.editing() === 'new' ? 'true' : 'false'}
      aria-controls={props.controls}
      onClick={() => props.editor.toggleNew()}
    >
      {props.children}
    </button>
  );
}

/** The card holding the form for a new row, shown while the editor is on 'new'. */
export function NewItemPanel(props: {
  editor: InlineEditorControls;
  id: string;
  titleId: string;
  title: string;
  children: JSX.Element;
}) {
  return (
    <Show when={props.editor.editing() === 'new'}>
      <section id={props.id} class="card catalog-new" aria-labelledby={props.titleId}>
        <h2 id={props.titleId}>{props.title}</h2>
        {props.children}
      </section>
    </Show>
  );
}

type RowAttrs = Record<`data-${string}`, string>;

/**
 * Table body rows where the row being edited is swapped for its form, in one cell
 * across all columns. `attrs` gives the form's row the same data-* identity as the row.
 */
export function EditableRows<T extends { id: string }>(props: {
  items: readonly T[];
  editor: InlineEditorControls;
  columns: number;
  attrs: (item: T) => RowAttrs;
  row: (item: T) => JSX.Element;
  form: (item: T) => JSX.Element;
}) {
  return (
    <For each={props.items}>
      {(item) => (
        <Show when={props.editor.editing() === item.id} fallback={props.row(item)}>
          <tr class="is-editing" {...props.attrs(item)}>
            <td colSpan={props.columns}>{props.form(item)}</td>
          </tr>
        </Show>
      )}
    </For>
  );
}

/** An empty list's message; those who may add get a button that opens the new-row form. */
export function NoItemsYet(props: { editor: InlineEditorControls; canAdd: boolean; text: string; addLabel: string }) {
  return (
    <p>
      {props.text}
      <Show when={props.canAdd} fallback=".">
        {' — '}
        <button type="button" class="btn btn-link" onClick={() => props.editor.start('new')}>
          {props.addLabel}
        </button>
      </Show>
    </p>
  );
}
