import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { createAction, errorMessage } from '../action';
import { formatDateTime, describeUserAgent } from '../format';
import { listSessions, revokeSession, type SessionInfo } from '../identityApi';
import DataTable from './DataTable';
import FormError from './FormError';
import { LoadError, Loading } from './PageStatus';
import RowActionButton, { runs } from './RowActionButton';

/** Where you are logged in, with a Revoke button for every other session. */
export default function SessionsSection() {
  const [sessions, setSessions] = createSignal<SessionInfo[]>();
  const [loadError, setLoadError] = createSignal<string>();

  const load = async () => {
    setLoadError(undefined);
    try {
      const { items } = await listSessions();
      // Current first, then most recently active.
      setSessions([...items].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt)));
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load your sessions.'));
    }
  };
  onMount(load);

  const revoke = createAction(async (id: string) => {
    await revokeSession(id);
    setSessions((prev) => prev?.filter((s) => s.id !== id));
  });

  return (
    <section class="card settings-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p class="card-intro">Devices where you are logged in. Revoke any you don't recognise.</p>
      <FormError message={revoke.error()} />
      <Switch fallback={<Loading />}>
        <Match when={sessions()}>
          {(list) => (
            <DataTable
              class="sessions-table"
              caption="Your sessions"
              columns={['Device', 'IP address', 'Last active']}
              actions
            >
              <For each={list()}>
                {(s) => (
                  <tr classList={{ 'is-current': s.current }}>
                    <td>
                      <span class="session-device" title={s.userAgent ?? undefined}>
                        {describeUserAgent(s.userAgent)}
                      </span>
                      <Show when={s.current}>
                        {' '}
                        <span class="badge status-running this-device">This device</span>
                      </Show>
                    </td>
                    <td class="mono">{s.ip ?? '—'}</td>
                    <td>{formatDateTime(s.lastSeenAt)}</td>
                    <td class="cell-actions">
                      <Show when={!s.current}>
                        <RowActionButton
                          label={`Revoke session: ${describeUserAgent(s.userAgent)}, ${s.ip ?? 'unknown IP'}`}
                          text="Revoke"
                          workingText="Revoking…"
                          {...runs(revoke, s.id)}
                        />
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </DataTable>
          )}
        </Match>
        <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
      </Switch>
    </section>
  );
}
