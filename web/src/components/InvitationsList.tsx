import { For, Show } from 'solid-js';
import { createAction } from '../action';
import { formatDate, roleLabel } from '../format';
import { revokeInvitation, type Invitation } from '../identityApi';

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
      <Show when={revoke.error()}>
        <div class="form-error" role="alert">
          {revoke.error()}
        </div>
      </Show>
      <Show when={props.invitations.length > 0} fallback={<p class="muted empty-invitations">No pending invitations.</p>}>
        <div class="table-wrap">
          <table class="table invitations-table">
            <caption class="sr-only">Pending invitations</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.invitations}>
                {(invitation) => (
                  <tr data-invitation-id={invitation.id} data-email={invitation.email}>
                    <td class="invitation-email">{invitation.email}</td>
                    <td>{roleLabel(invitation.role)}</td>
                    <td>{inviterLabel(invitation.invitedBy)}</td>
                    <td>{formatDate(invitation.expiresAt)}</td>
                    <td class="cell-actions">
                      <button
                        type="button"
                        class="btn btn-secondary btn-sm"
                        onClick={() => void revoke.run(invitation.id)}
                        disabled={revoke.pending()}
                        aria-label={`Revoke invitation for ${invitation.email}`}
                      >
                        {revoke.isBusy(invitation.id) ? 'Revoking…' : 'Revoke'}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
