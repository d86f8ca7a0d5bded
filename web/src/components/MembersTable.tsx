import { createSignal, For, Show } from 'solid-js';
import { removalProblem, roleChangeProblem } from '../../../domain/permissions';
import { createAction, errorMessage } from '../action';
import { formatDate, roleLabel } from '../format';
import { ASSIGNABLE_ROLES, changeMemberRole, removeMember, type AssignableRole, type Member, type Role } from '../identityApi';
import DataTable from './DataTable';
import FormError from './FormError';

interface MembersTableProps {
  members: readonly Member[];
  currentUserId: string;
  companyName: string;
  /** members.manage: show the actions column. */
  canManage: boolean;
  /** Your role here: the role select and Remove show only where the API's own rules (domain/permissions) allow them. */
  actorRole: Role | null;
  onChanged: (member: Member) => void;
  onRemoved: (userId: string) => void;
}

/** Company members with their role and 2FA state; managers can change roles and remove people. */
export default function MembersTable(props: MembersTableProps) {
  const [roleBusy, setRoleBusy] = createSignal<string>();
  const [roleError, setRoleError] = createSignal<string>();
  const [roleSaved, setRoleSaved] = createSignal<string>();

  /** The roles you may give this member: their own (shown as chosen) and those the API would accept. */
  const rolesFor = (m: Member) => {
    const actorRole = props.actorRole;
    if (!props.canManage || !actorRole) return [];
    const problem = (next: Role) => roleChangeProblem({ actorRole, actorIsTarget: m.userId === props.currentUserId, targetRole: m.role, next });
    return ASSIGNABLE_ROLES.filter((r) => r === m.role || problem(r) === null);
  };
  /** A select with something to change to. */
  const canChangeRole = (m: Member) => rolesFor(m).some((r) => r !== m.role);
  // Leaving the company is not done from this table, so you never get Remove on yourself.
  const canRemove = (m: Member) =>
    props.canManage && !!props.actorRole && m.userId !== props.currentUserId
    && removalProblem({ actorRole: props.actorRole, actorIsTarget: false, targetRole: m.role }) === null;

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
                <Show when={canChangeRole(member)} fallback={roleLabel(member.role)}>
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
                    <For each={rolesFor(member)}>
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
                  <Show when={canRemove(member)}>
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
