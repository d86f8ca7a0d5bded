import type { JSX } from 'solid-js';

/** A list page's heading and one-line description, with its actions ("New …", export) on the same row. */
export default function ListPageHeader(props: { title: string; subtitle: string; children: JSX.Element }) {
  return (
    <header class="page-header page-header-row">
      <div>
        <h1>{props.title}</h1>
        <p class="page-subtitle">{props.subtitle}</p>
      </div>
      {props.children}
    </header>
  );
}
