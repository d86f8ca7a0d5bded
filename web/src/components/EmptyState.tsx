import type { JSX } from 'solid-js';

/** An empty list that says what to do next ("No clients yet — Add your first client"). */
export default function EmptyState(props: { children: JSX.Element }) {
  return <div class="empty-state">{props.children}</div>;
}
