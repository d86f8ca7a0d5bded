import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { createPagedList } from '../pagedList';
import { getClient, listClients, type Client } from '../workApi';
import { LoadError } from './PageStatus';
import SelectField, { type SelectOption } from './SelectField';

/** What a form needs of the chosen client: its name, the currency it is billed in, where to email it. */
export type PickedClient = Pick<Client, 'id' | 'name' | 'email' | 'currency' | 'deletedAt'>;

interface ClientPickerProps {
  /** The select's id and name: the form's own, so its field errors land here. */
  id: string;
  name: string;
  value: string;
  onInput: (id: string) => void;
  /** The chosen client once it is known (from the results, or read by id), undefined for none. */
  onClient?: (client: PickedClient | undefined) => void;
  label?: string;
  /** A first choice that cannot be picked, e.g. "Choose a client". */
  placeholder?: string;
  /** A first choice that can be picked and means no client, e.g. "No client". */
  noneLabel?: string;
  error?: string | undefined;
  disabled?: boolean;
}

const PAGE_SIZE = 100;
const DEBOUNCE_MS = 300;

const optionOf = (c: PickedClient): SelectOption => ({ value: c.id, label: c.deletedAt ? `${c.name} (deleted)` : c.name });

/**
 * A client select for any number of clients: it lists the first page A–Z and, when there are more,
 * a search (name, email or tag) that asks the API for matches. The chosen client stays an option
 * while other results show, read by id when no page has it (e.g. preselected from a client page).
 */
export default function ClientPicker(props: ClientPickerProps) {
  const list = createPagedList((query: { q?: string; cursor?: string }) => listClients({ ...query, limit: PAGE_SIZE }), 'Could not load the clients.');
  const [q, setQ] = createSignal('');
  /** The search the shown results answer (typing runs ahead of it). */
  const [answered, setAnswered] = createSignal<string>();
  /** Whether the clients ever needed more than one page: only then is a search worth showing. */
  const [searchable, setSearchable] = createSignal(false);
  const [selected, setSelected] = createSignal<PickedClient>();
  const searchId = `${props.id}-search`;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  let latest: string | undefined;

  const search = async (text: string) => {
    if (timeout !== undefined) clearTimeout(timeout);
    latest = text;
    await list.load({ q: text || undefined });
    if (latest !== text || list.error()) return;
    setAnswered(text);
    if (!text && list.nextCursor()) setSearchable(true);
  };
  onCleanup(() => {
    if (timeout !== undefined) clearTimeout(timeout);
  });

  // A disabled picker only shows its client, so the list waits until it can be used.
  let started = false;
  createEffect(() => {
    if (props.disabled || started) return;
    started = true;
    void search('');
  });

  const resolve = async (id: string) => {
    if (!id) return setSelected(undefined);
    if (selected()?.id === id) return;
    const listed = list.items()?.find((c) => c.id === id);
    if (listed) return setSelected(listed);
    setSelected(undefined); // not the last one's currency while this one is read
    try {
      const client = await getClient(id);
      if (props.value === id) setSelected(client);
    } catch {
      // Gone or not readable: the select shows no client, and saving says what is wrong.
    }
  };
  createEffect(on(() => props.value, (id) => void resolve(id)));
  createEffect(on(selected, (client) => props.onClient?.(client)));

  const options = (): SelectOption[] => {
    const found = list.items() ?? [];
    const current = selected();
    const kept = current && current.id === props.value && !found.some((c) => c.id === current.id) ? [current] : [];
    return [...(props.noneLabel ? [{ value: '', label: props.noneLabel }] : []), ...[...kept, ...found].map(optionOf)];
  };

  const status = () => {
    if (list.loading()) return 'Searching…';
    const text = answered();
    const count = list.items()?.length ?? 0;
    if (text === undefined) return '';
    if (!text) return `The first ${PAGE_SIZE} clients A–Z: search to find the others.`;
    if (count === 0) return `No clients match “${text}”.`;
    if (list.nextCursor()) return `The first ${PAGE_SIZE} matches: type more to narrow them.`;
    return count === 1 ? 'One match.' : `${count} matches.`;
  };

  return (
    <div class="client-picker">
      <Show when={searchable() && !props.disabled}>
        <div class="field client-picker-search">
          <label for={searchId}>Search</label>
          <input
            id={searchId}
            type="search"
            autocomplete="off"
            placeholder="Name, email or tag"
            value={q()}
            aria-controls={props.id}
            aria-describedby={`${searchId}-status`}
            onInput={(e) => {
              const text = e.currentTarget.value.trim();
              setQ(e.currentTarget.value);
              if (timeout !== undefined) clearTimeout(timeout);
              timeout = setTimeout(() => void search(text), DEBOUNCE_MS);
            }}
            onKeyDown={(e) => {
              // Enter searches now rather than submitting the form around the picker.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              void search(q().trim());
            }}
          />
          <p id={`${searchId}-status`} class="field-hint" role="status">
            {status()}
          </p>
        </div>
      </Show>
      <SelectField
        id={props.id}
        name={props.name}
        label={props.label ?? 'Client'}
        value={props.value}
        onInput={props.onInput}
        options={options()}
        placeholder={props.placeholder}
        hint={selected() && selected()!.id === props.value ? `Bills in ${selected()!.currency}.` : undefined}
        error={props.error}
        disabled={props.disabled}
      />
      <Show when={list.error()}>{(message) => <LoadError message={message()} onRetry={() => void search(q().trim())} />}</Show>
    </div>
  );
}
