import { onCleanup } from 'solid-js';
import { createForm } from '../form';
import FormField from './FormField';

interface SearchBoxProps {
  id: string;
  label: string;
  /** Runs on submit (Enter) and shortly after typing stops. */
  onSearch: (q: string) => Promise<void> | void;
}

const DEBOUNCE_MS = 300;

/** A search field that searches as you type (debounced) and on Enter. */
export default function SearchBox(props: SearchBoxProps) {
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const form = createForm({
    fields: ['q'] as const,
    idPrefix: props.id,
    submit: async (v) => {
      if (timeout !== undefined) clearTimeout(timeout);
      await props.onSearch(v.q.trim());
    },
  });
  onCleanup(() => {
    if (timeout !== undefined) clearTimeout(timeout);
  });

  return (
    <form class="search-box" role="search" onSubmit={form.onSubmit} noValidate>
      <FormField
        {...form.field('q')}
        onInput={(value) => {
          form.set('q', value);
          if (timeout !== undefined) clearTimeout(timeout);
          timeout = setTimeout(() => void props.onSearch(value.trim()), DEBOUNCE_MS);
        }}
        label={props.label}
        type="search"
        autocomplete="off"
      />
    </form>
  );
}
