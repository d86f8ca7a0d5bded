import { batch, createSignal, For, Show } from 'solid-js';
import { createAction } from '../action';
import { formatDay } from '../dates';
import { formatHm } from '../duration';
import { useSession } from '../session';
import { approveTimeEntry, deleteTimeEntry, rejectTimeEntry, submitTimeEntry, type TimeEntry } from '../workApi';
import { entryStatusLabel } from '../workLabels';
import DataTable from './DataTable';
import FormError from './FormError';
import { SuccessNote } from './PageStatus';
import RowActionButton, { runs } from './RowActionButton';
import TimeEntryForm from './TimeEntryForm';

type EntryAction = 'submit' | 'approve' | 'reject' | 'delete';

/** The columns, and the actions cell after them: an edited row's form spans them all. */
const COLUMNS = ['Date', 'Person', 'Project', 'Service', 'Notes', 'Time', 'Status'];
const editButtonId = (id: string) => `entry-edit-${id}`;

interface TimeEntriesTableProps {
  entries: readonly TimeEntry[];
  busy?: boolean;
  onChanged: (entry: TimeEntry) => void;
  onDeleted: (id: string) => void;
}

/**
 * Time entries with raw time (and billed time when rounding changes it), a status
 * badge (`.status-<status>`), and the actions the viewer may take on each row.
 * Edit swaps the row for its form, one row at a time.
 */
export default function TimeEntriesTable(props: TimeEntriesTableProps) {
  const session = useSession();
  const mine = (e: TimeEntry) => e.user.id === session.me().user.id;
  // The API lets people change their own drafts only (a rejected entry comes back as one); nobody edits another's time.
  const canEdit = (e: TimeEntry) => session.can('time.track') && mine(e) && e.status === 'draft';
  const [editing, setEditing] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  const describe = (e: TimeEntry) => `${e.project.label}, ${formatDay(e.date)}, ${formatHm(e.durationSeconds)}`;

  /** Keyed "<entryId>:<action>" so the pressed button can say what it is doing. */
  const act = createAction(async (key: string) => {
    const [id, action] = key.split(':') as [string, EntryAction];
    const entry = props.entries.find((e) => e.id === id);
    if (!entry) return;
    if (action === 'submit') props.onChanged(await submitTimeEntry(entry.id));
    if (action === 'approve') props.onChanged(await approveTimeEntry(entry.id));
    if (action === 'reject') {
      const reason = window.prompt(`Why are you rejecting ${describe(entry)}? The person sees this reason.`);
      if (reason === null || !reason.trim()) return;
      props.onChanged(await rejectTimeEntry(entry.id, reason.trim()));
    }
    if (action === 'delete') {
      if (!window.confirm(`Delete the draft entry ${describe(entry)}?`)) return;
      await deleteTimeEntry(entry.id);
      props.onDeleted(entry.id);
    }
  });
  const keyOf = (entry: TimeEntry, action: EntryAction) => `${entry.id}:${action}`;

  const startEdit = (id: string) => {
    act.clearError();
    setNotice(undefined);
    setEditing(id);
  };
  /** Close the form and hand focus back to the row's Edit button, where the person was. */
  const stopEdit = (id: string) => {
    setEditing(undefined);
    queueMicrotask(() => document.getElementById(editButtonId(id))?.focus());
  };
  // Close first: the saved entry replaces the row's object, and an open form would be rebuilt for it.
  const saved = (entry: TimeEntry) =>
    batch(() => {
      stopEdit(entry.id);
      props.onChanged(entry);
      setNotice(`Saved ${describe(entry)}.`);
    });

  const button = (entry: TimeEntry, action: EntryAction, text: string, working: string) => (
    <RowActionButton
      class={action === 'approve' ? 'btn-approve' : undefined}
      label={`${text} ${describe(entry)}`}
      text={text}
      workingText={working}
      {...runs(act, keyOf(entry, action))}
      // Rows wait while a form is open, as the other inline-edited lists do.
      disabled={act.pending() || editing() !== undefined}
    />
  );

  /** A row as it reads (not being edited). */
  const row = (entry: TimeEntry) => (
    <tr data-entry-id={entry.id} data-status={entry.status}>
      <td class="nowrap entry-date">{formatDay(entry.date)}</td>
      <td class="entry-person">{entry.user.email}</td>
      <td class="entry-project">{entry.project.label}</td>
      <td class="entry-service">{entry.serviceName || '—'}</td>
      <td class="entry-notes">
        {entry.notes || ''}
        <Show when={entry.status === 'draft' && entry.rejectionReason}>
          {(reason) => <p class="entry-rejected">Rejected: {reason()}</p>}
        </Show>
      </td>
      <td class="nowrap entry-time">
        <span class="time-raw">{formatHm(entry.durationSeconds)}</span>
        <Show when={entry.billedSeconds !== entry.durationSeconds}>
          {' '}
          <span class="time-billed">billed {formatHm(entry.billedSeconds)}</span>
        </Show>
        <Show when={!entry.billable}>
          {' '}
          <span class="time-nonbillable">non-billable</span>
        </Show>
      </td>
      <td>
        <span class={`badge entry-status status-${entry.status}`}>{entryStatusLabel(entry.status)}</span>
      </td>
      <td class="cell-actions">
        <div class="row-actions">
          <Show when={canEdit(entry)}>
            <RowActionButton
              id={editButtonId(entry.id)}
              label={`Edit ${describe(entry)}`}
              text="Edit"
              onClick={() => startEdit(entry.id)}
              disabled={act.pending() || editing() !== undefined}
            />
          </Show>
          <Show when={mine(entry) && entry.status === 'draft'}>
            {button(entry, 'submit', 'Submit', 'Submitting…')}
          </Show>
          <Show when={session.can('time.approve') && entry.status === 'submitted'}>
            {button(entry, 'approve', 'Approve', 'Approving…')}
            {button(entry, 'reject', 'Reject', 'Rejecting…')}
          </Show>
          <Show when={mine(entry) && entry.status === 'draft'}>
            {button(entry, 'delete', 'Delete', 'Deleting…')}
          </Show>
        </div>
      </td>
    </tr>
  );

  return (
    <>
      <FormError message={act.error()} />
      <SuccessNote message={notice()} />
      <DataTable class="time-entries-table" caption="Time entries" columns={COLUMNS} actions busy={!!props.busy}>
        <For each={props.entries}>
          {(entry) => (
            <Show when={editing() === entry.id} fallback={row(entry)}>
              <tr class="is-editing" data-entry-id={entry.id} data-status={entry.status}>
                <td colSpan={COLUMNS.length + 1}>
                  <TimeEntryForm entry={entry} onSaved={saved} onCancel={() => stopEdit(entry.id)} />
                </td>
              </tr>
            </Show>
          )}
        </For>
      </DataTable>
    </>
  );
}
