import { useSearchParams } from '@solidjs/router';
import { createEffect, For, on, Show } from 'solid-js';
import NoAccess from '../components/NoAccess';
import TimeEntriesPanel from '../components/TimeEntriesPanel';
import WeekTimesheet from '../components/WeekTimesheet';
import { useSession } from '../session';

type Tab = 'entries' | 'week';
const TABS: { id: Tab; label: string }[] = [
  { id: 'entries', label: 'Entries' },
  { id: 'week', label: 'Week' },
];

/** /time — your time entries (and, for approvers, everyone's) and the weekly timesheet. `?view=week` picks the tab. */
export default function Time() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (): Tab => (params.view === 'week' ? 'week' : 'entries');
  const select = (next: Tab) => setParams({ view: next === 'entries' ? undefined : next }, { replace: true });

  // Arrow keys move between tabs (the ARIA tabs pattern); focus follows.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const index = TABS.findIndex((t) => t.id === tab());
    const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next) select(next.id);
  };
  createEffect(
    on(
      tab,
      (current) => {
        if (document.activeElement?.getAttribute('role') === 'tab') document.getElementById(`time-tab-${current}`)?.focus();
      },
      { defer: true },
    ),
  );

  return (
    <Show when={session.can('time.track')} fallback={<NoAccess title="Time" />}>
      <div class="page page-wide">
        <header class="page-header">
          <h1>Time</h1>
          <p class="page-subtitle">Track, submit and approve time before it is billed.</p>
        </header>
        <div class="tabs" role="tablist" aria-label="Time views" onKeyDown={onKeyDown}>
          <For each={TABS}>
            {(t) => (
              <button
                type="button"
                role="tab"
                id={`time-tab-${t.id}`}
                class="tab"
                classList={{ 'is-active': tab() === t.id }}
                aria-selected={tab() === t.id ? 'true' : 'false'}
                aria-controls={tab() === t.id ? `time-panel-${t.id}` : undefined}
                tabIndex={tab() === t.id ? 0 : -1}
                onClick={() => select(t.id)}
              >
                {t.label}
              </button>
            )}
          </For>
        </div>
        <div id={`time-panel-${tab()}`} class="tab-panel" role="tabpanel" aria-labelledby={`time-tab-${tab()}`}>
          <Show when={tab() === 'week'} fallback={<TimeEntriesPanel />}>
            <WeekTimesheet />
          </Show>
        </div>
      </div>
    </Show>
  );
}
