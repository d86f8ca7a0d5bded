import { For, Show } from 'solid-js';
import { createAction } from '../action';
import { formatDate, roleLabel } from '../format';
import { revokeInvitation, type Invitation } from '../identityApi';
import DataTable from './DataTable';
import FormError from './FormError';
import RowActionButton, { runs } from './RowActionButton';

function inviterLabel(invitedBy: Invitation['invitedBy']): string {
  return invitedBy || '—';
}

/** Pending invitations with a Revoke button each. */
export default function InvitationsList(props: { invitations: readonly Invitation[]; onRevoked: (id: string) => void }) {
  const revoke = createAction(async (id: string) => {
    await revokeInvitation(id);
    props.onRevoked(id);
  });

  return (
    <section class="card settings-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Pending invitations</h2>
      <FormError message={revoke.error()} />
      <Show when={props.invitations.length > 0} fallback={<p class="muted empty-invitations">No pending invitations.</p>}>
        <DataTable
          class="invitations-table"
          caption="Pending invitations"
          columns={['Email', 'Role', 'Invited by', 'Expires']}
          actions
        >
          <For each={props.invitations}>
            {(invitation) => (
              <tr data-invitation-id={invitation.id} data-email={invitation.email}>
                <td class="invitation-email">{invitation.email}</td>
                <td>{roleLabel(invitation.role)}</td>
                <td>{inviterLabel(invitation.invitedBy)}</td>
                <td>{formatDate(invitation.expiresAt)}</td>
                <td class="cell-actions">
                  <RowActionButton
                    label={`Revoke invitation for ${invitation.email}`}
                    text="Revoke"
                    workingText="Revoking…"
                    {...runs(revoke, invitation.id)}
                  />
                </td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
    </section>
  );
}
