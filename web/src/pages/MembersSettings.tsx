import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import InvitationsList from '../components/InvitationsList';
import InviteForm from '../components/InviteForm';
import MembersTable from '../components/MembersTable';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading, SuccessNote } from '../components/PageStatus';
import SeatsSummary from '../components/SeatsSummary';
import SettingsPage from '../components/SettingsPage';
import TransferOwnershipForm from '../components/TransferOwnershipForm';
import {
  getCompany,
  listInvitations,
  listMembers,
  type Invitation,
  type Member,
  type Seats,
} from '../identityApi';
import { useSession } from '../session';

/** /settings/members — seats, members, invitations and ownership transfer. */
export default function MembersSettings() {
  const session = useSession();
  const [members, setMembers] = createSignal<Member[]>();
  const [membersError, setMembersError] = createSignal<string>();
  const [seats, setSeats] = createSignal<Seats>();
  const [invitations, setInvitations] = createSignal<Invitation[]>();
  const [invitationsError, setInvitationsError] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();

  const canInvite = () => session.can('members.invite');
  const isOwner = () => session.me().role === 'owner' && session.can('ownership.transfer');

  const loadMembers = async () => {
    setMembersError(undefined);
    try {
      setMembers((await listMembers()).items);
    } catch (err) {
      setMembersError(errorMessage(err, 'Could not load the members.'));
    }
  };

  // Seats are a summary; if they fail to load the page still works.
  const loadSeats = async () => {
    if (!session.can('company.view')) return;
    try {
      setSeats((await getCompany()).seats);
    } catch {
      setSeats(undefined);
    }
  };

  const loadInvitations = async () => {
    if (!canInvite()) return;
    setInvitationsError(undefined);
    try {
      setInvitations((await listInvitations()).items);
    } catch (err) {
      setInvitationsError(errorMessage(err, 'Could not load the invitations.'));
    }
  };

  onMount(() => {
    if (!session.can('members.view')) return;
    void loadMembers();
    void loadSeats();
    void loadInvitations();
  });

  const candidates = () => (members() ?? []).filter((m) => m.userId !== session.me().user.id);

  return (
    <Show when={session.can('members.view')} fallback={<NoAccess title="Members" />}>
      <SettingsPage
        title="Members"
        tabs={false}
        subtitle={`People in ${session.me().company?.name ?? 'this company'} and what they can do.`}
      >
        <SuccessNote message={notice()} />
        <Show when={seats()}>
          {(current) => (
            <section class="card settings-section seats-card" aria-label="Seats">
              <SeatsSummary seats={current()} />
            </section>
          )}
        </Show>

        <section class="card settings-section" aria-labelledby="members-title">
          <h2 id="members-title">Members</h2>
          <Switch fallback={<Loading />}>
            <Match when={members()}>
              {(list) => (
                <MembersTable
                  members={list()}
                  currentUserId={session.me().user.id}
                  companyName={session.me().company?.name ?? ''}
                  canManage={session.can('members.manage')}
                  actorRole={session.me().role}
                  onChanged={(updated) =>
                    setMembers((prev) => prev?.map((m) => (m.userId === updated.userId ? updated : m)))
                  }
                  onRemoved={(userId) => {
                    setMembers((prev) => prev?.filter((m) => m.userId !== userId));
                    void loadSeats();
                  }}
                />
              )}
            </Match>
            <Match when={membersError()}>{(message) => <LoadError message={message()} onRetry={loadMembers} />}</Match>
          </Switch>
        </section>

        <Show when={canInvite()}>
          <InviteForm
            onInvited={(invitation) => {
              setInvitations((prev) => [invitation, ...(prev ?? []).filter((i) => i.id !== invitation.id)]);
              void loadSeats();
            }}
          />
          <Switch fallback={<Loading label="Loading invitations…" />}>
            <Match when={invitations()}>
              {(list) => (
                <InvitationsList
                  invitations={list()}
                  onRevoked={(id) => {
                    setInvitations((prev) => prev?.filter((i) => i.id !== id));
                    void loadSeats();
                  }}
                />
              )}
            </Match>
            <Match when={invitationsError()}>
              {(message) => <LoadError message={message()} onRetry={loadInvitations} />}
            </Match>
          </Switch>
        </Show>

        <Show when={isOwner() && members()}>
          <TransferOwnershipForm
            candidates={candidates()}
            companyName={session.me().company?.name ?? ''}
            onTransferred={async (member) => {
              setNotice(`${member.email} is now the owner. You are an admin.`);
              await session.reload();
              await loadMembers();
            }}
          />
        </Show>
      </SettingsPage>
    </Show>
  );
}
