import { For, Show } from 'solid-js';
import { formatDay } from '../dates';

/** Days as "Jan 28, 2027, Feb 28, 2027", each a <time> carrying its `YYYY-MM-DD`; "—" for none. */
export default function DayList(props: { days: readonly string[] }) {
  return (
    <Show when={props.days.length > 0} fallback="—">
      <For each={props.days}>
        {(day, i) => (
          <>
            {i() > 0 ? ', ' : ''}
            <time datetime={day}>{formatDay(day)}</time>
          </>
        )}
      </For>
    </Show>
  );
}
