import { For, Show } from 'solid-js';
import { createAction } from '../action';
import { formatDay } from '../dates';
import { formatHm } from '../duration';
import { useSession } from '../session';
import { approveTimeEntry, deleteTimeEntry, rejectTimeEntry, submitTimeEntry, type TimeEntry } from '../workApi';
import { entryStatusLabel } from '../workLabels';
import DataTable from './DataTable';
import FormError from './FormError';
import RowActionButton, { runs } from './RowActionButton';

type EntryAction = 'submit' | 'approve' | 'reject' | 'delete';

interface TimeEntriesTableProps {
  entries: readonly TimeEntry[];
  busy?: boolean;
  onChanged: (entry: TimeEntry) => void;
  onDeleted: (id: string) => void;
}

/**
 * Time entries with raw time (and billed time when rounding changes it), a status
 * badge (`.status-<status>`), and the actions the viewer may take on each row.
 */
export default function TimeEntriesTable(props: TimeEntriesTableProps) {
  const session = useSession();
  const mine = (e: TimeEntry) => e.user.id === session.me().user.id;
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

  const button = (entry: TimeEntry, action: EntryAction, text: string, working: string) => (
    <RowActionButton
      class={action === 'approve' ? 'btn-approve' : undefined}
      label={`${text} ${describe(entry)}`}
      text={text}
      workingText={working}
      {...runs(act, keyOf(entry, action))}
    />
  );

  return (
    <>
      <FormError message={act.error()} />
      <DataTable
        class="time-entries-table"
        caption="Time entries"
        columns={['Date', 'Person', 'Project', 'Service', 'Notes', 'Time', 'Status']}
        actions
        busy={!!props.busy}
      >
        <For each={props.entries}>
          {(entry) => (
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
          )}
        </For>
      </DataTable>
    </>
  );
}
