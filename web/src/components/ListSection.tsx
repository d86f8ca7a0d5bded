import type { JSX } from 'solid-js';

/** The card holding a page's main list, named by a heading only screen readers see (the page's h1 already says it visually). */
export default function ListSection(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <section class="card" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} class="sr-only">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
