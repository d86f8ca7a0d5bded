import { createSignal, For, Show } from 'solid-js';
import { createAction, errorMessage } from '../action';
import { formatDate, roleLabel } from '../format';
import { ASSIGNABLE_ROLES, changeMemberRole, removeMember, type AssignableRole, type Member } from '../identityApi';
import DataTable from './DataTable';
import FormError from './FormError';

interface MembersTableProps {
  members: readonly Member[];
  currentUserId: string;
  companyName: string;
  /** members.manage: show the role select and Remove button (never for the owner or yourself). */
  canManage: boolean;
  onChanged: (member: Member) => void;
  onRemoved: (userId: string) => void;
}

/** Company members with their role and 2FA state; managers can change roles and remove people. */
export default function MembersTable(props: MembersTableProps) {
  const [roleBusy, setRoleBusy] = createSignal<string>();
  const [roleError, setRoleError] = createSignal<string>();
  const [roleSaved, setRoleSaved] = createSignal<string>();

  const editable = (m: Member) => props.canManage && m.role !== 'owner' && m.userId !== props.currentUserId;

  const changeRole = async (member: Member, role: AssignableRole, select: HTMLSelectElement) => {
    if (roleBusy()) return;
    setRoleBusy(member.userId);
    setRoleError(undefined);
    setRoleSaved(undefined);
    try {
      const updated = await changeMemberRole(member.userId, role);
      props.onChanged({ ...member, ...updated });
      setRoleSaved(`${member.email} is now ${roleLabel(role)}.`);
    } catch (err) {
      select.value = member.role;
      setRoleError(`Could not change the role of ${member.email}. ${errorMessage(err)}`);
    } finally {
      setRoleBusy(undefined);
    }
  };

  const remove = createAction(async (member: Member) => {
    if (!window.confirm(`Remove ${member.email} from ${props.companyName}? They lose access right away.`)) return;
    await removeMember(member.userId);
    props.onRemoved(member.userId);
  });

  return (
    <>
      <FormError message={roleError() ?? remove.error()} />
      <div class="status-slot" role="status">
        <Show when={roleSaved()}>
          <p class="form-success">{roleSaved()}</p>
        </Show>
      </div>
      <DataTable
        class="members-table"
        caption={<>Members of {props.companyName}</>}
        columns={['Email', 'Name', 'Role', '2FA', 'Joined']}
        actions={props.canManage}
      >
        <For each={props.members}>
          {(member) => (
            <tr data-user-id={member.userId} data-email={member.email}>
              <td class="member-email">
                {member.email}
                <Show when={member.userId === props.currentUserId}>
                  {' '}
                  <span class="badge">You</span>
                </Show>
              </td>
              <td class="member-name">{member.name || '—'}</td>
              <td class="member-role">
                <Show when={editable(member)} fallback={roleLabel(member.role)}>
                  <label class="sr-only" for={`member-role-${member.userId}`}>
                    Role for {member.email}
                  </label>
                  <select
                    id={`member-role-${member.userId}`}
                    class="inline-select"
                    value={member.role}
                    disabled={roleBusy() !== undefined}
                    aria-busy={roleBusy() === member.userId ? 'true' : 'false'}
                    onChange={(e) => void changeRole(member, e.currentTarget.value as AssignableRole, e.currentTarget)}
                  >
                    <For each={ASSIGNABLE_ROLES}>
                      {(role) => (
                        <option value={role} selected={role === member.role}>
                          {roleLabel(role)}
                        </option>
                      )}
                    </For>
                  </select>
                </Show>
              </td>
              <td class="member-totp">
                <span class={member.totpEnabled ? 'badge status-complete' : 'badge'}>
                  {member.totpEnabled ? 'On' : 'Off'}
                </span>
              </td>
              <td>{formatDate(member.joinedAt)}</td>
              <Show when={props.canManage}>
                <td class="cell-actions">
                  <Show when={editable(member)}>
                    <button
                      type="button"
                      class="btn btn-secondary btn-sm"
                      onClick={() => void remove.run(member)}
                      disabled={remove.pending()}
                      aria-label={`Remove ${member.email}`}
                    >
                      {remove.isBusy(member) ? 'Removing…' : 'Remove'}
                    </button>
                  </Show>
                </td>
              </Show>
            </tr>
          )}
        </For>
      </DataTable>
    </>
  );
}
