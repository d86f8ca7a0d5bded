import { For, Show, type JSX } from 'solid-js';

/** A header cell: its text, or text plus a class (e.g. "num" to right-align a number column). */
export type Column = string | { label: string; class: string };

/**
 * The frame every list table shares: a scrolling wrapper, a caption for screen
 * readers, one header row, and the body rows given as children. `actions` adds
 * the unlabelled last column for row buttons (named "Actions" for screen readers
 * only). `busy` marks the table aria-busy while it reloads; leave it out for
 * tables that never reload in place.
 */
export default function DataTable(props: {
  class: string;
  caption: JSX.Element;
  columns: readonly Column[];
  actions?: boolean;
  busy?: boolean;
  children: JSX.Element;
}) {
  return (
    <div class="table-wrap" aria-busy={props.busy === undefined ? undefined : props.busy ? 'true' : 'false'}>
      <table class={`table ${props.class}`}>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.columns}>
              {(column) =>
                typeof column === 'string' ? (
                  <th scope="col">{column}</th>
                ) : (
                  <th scope="col" class={column.class}>
                    {column.label}
                  </th>
                )
              }
            </For>
            <Show when={props.actions}>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
