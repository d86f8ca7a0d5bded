import { createEffect, createSignal, on, onMount, Show } from 'solid-js';
import PagedListView from './PagedListView';
import { createPagedList } from '../pagedList';
import { useSession } from '../session';
import { entriesVersion } from '../timeEvents';
import { importTimeEntries, listTimeEntries, timeEntriesExportUrl, type TimeEntryStatus } from '../workApi';
import { ENTRY_STATUS_FILTER } from '../workLabels';
import CheckboxField from './CheckboxField';
import CsvImportPanel from './CsvImportPanel';
import FormField from './FormField';
import SelectField from './SelectField';
import TimeEntriesTable from './TimeEntriesTable';
import TimeEntryForm from './TimeEntryForm';

/** The Entries tab: "Add time", filters (status, dates, "Mine only") and the entries table. */
export default function TimeEntriesPanel() {
  const session = useSession();
  const canApprove = () => session.can('time.approve');
  const list = createPagedList(listTimeEntries, 'Could not load the time entries.');
  const [status, setStatus] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [mineOnly, setMineOnly] = createSignal(true);
  const [importing, setImporting] = createSignal(false);

  const search = () =>
    list.load({
      status: (status() || undefined) as TimeEntryStatus | undefined,
      from: from() || undefined,
      to: to() || undefined,
      // Only approvers may see other people's time.
      mine: mineOnly() || !canApprove() ? true : undefined,
    });
  onMount(() => void search());
  // The top-bar timer saved a draft: show it.
  createEffect(on(entriesVersion, () => void list.reload(), { defer: true }));

  /** A filter's change handler: keep the new value, then reload from the first page. */
  const andSearch =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      void search();
    };

  const filtered = () => !!status() || !!from() || !!to();

  return (
    <div class="stack">
      <TimeEntryForm onSaved={() => void list.reload()} />
      <Show when={importing()}>
        <CsvImportPanel
          id="time-import"
          title="Import time from CSV"
          intro={
            <>
              The first row names the columns: <code>date, person, project, service, hours, notes, billable</code>;{' '}
              <code>date</code>, <code>project</code> and <code>hours</code> are required. Dates are YYYY-MM-DD; the person is a
              member's email (blank for you); the project is its number (P-00001) or name; hours are like 1.5 or 1:30, at most 24.
              Entries arrive as drafts.
            </>
          }
          noun={['time entry', 'time entries']}
          run={importTimeEntries}
          onImported={() => void list.reload()}
        />
      </Show>

      <section class="card" aria-labelledby="entries-title">
        <div class="card-header">
          <h2 id="entries-title">Entries</h2>
          <div class="button-row">
            <button
              type="button"
              class="btn btn-secondary btn-sm"
              aria-expanded={importing() ? 'true' : 'false'}
              aria-controls="time-import"
              onClick={() => setImporting((open) => !open)}
            >
              Import CSV
            </button>
            <a
              href={timeEntriesExportUrl({ from: from() || undefined, to: to() || undefined })}
              download=""
              class="btn btn-secondary btn-sm"
              title="The entries between the From and To dates below (all dates when they are empty)"
            >
              Export CSV
            </a>
          </div>
        </div>
        <div class="filters time-filters" role="group" aria-label="Filter entries">
          <SelectField
            id="entries-status"
            name="status"
            label="Status"
            value={status()}
            options={ENTRY_STATUS_FILTER}
            onInput={andSearch(setStatus)}
          />
          <FormField
            id="entries-from"
            name="from"
            label="From"
            type="date"
            value={from()}
            onInput={andSearch(setFrom)}
          />
          <FormField
            id="entries-to"
            name="to"
            label="To"
            type="date"
            value={to()}
            onInput={andSearch(setTo)}
          />
          <Show when={canApprove()}>
            <CheckboxField
              id="entries-mine"
              name="mine"
              label="Mine only"
              checked={mineOnly()}
              onChange={andSearch(setMineOnly)}
            />
          </Show>
        </div>
        <PagedListView list={list} loadingLabel="Loading time entries…" empty={
          <>
              <Show
                when={!filtered()}
                fallback={<p>No entries match these filters.</p>}
              >
                <p>No time yet — start the timer from the top bar, or add time above.</p>
              </Show>
          </>
        }>
          {(items) => (
            <>
                <TimeEntriesTable
                  entries={items()}
                  busy={list.loading()}
                  onChanged={(entry) => list.replace((e) => e.id === entry.id, entry)}
                  onDeleted={(id) => list.remove((e) => e.id === id)}
                />
            </>
          )}
        </PagedListView>
      </section>
    </div>
  );
}
