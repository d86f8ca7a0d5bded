import { createEffect, createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { createAction } from '../action';
import { ApiError } from '../api';
import { formatHm, formatHms } from '../duration';
import { notifyTimeEntriesChanged } from '../timeEvents';
import { activeTimer, getTimer, pauseTimer, resumeTimer, stopTimer, type Timer } from '../workApi';
import TimerStartPanel from './TimerStartPanel';

const POLL_MS = 30_000;
const SAVED_NOTE_MS = 8_000;
const PANEL_ID = 'timer-panel';

type TimerAction = 'pause' | 'resume' | 'stop';

/**
 * The top-bar timer. Idle: "Start timer" opens a small panel. Running or paused:
 * project label, a live H:MM:SS clock (`.timer-elapsed`), Pause/Resume and Stop.
 * Polls GET /timer every 30 s so two tabs (or devices) converge.
 */
export default function TimerControl() {
  const [timer, setTimer] = createSignal<Timer>();
  const [receivedAt, setReceivedAt] = createSignal(Date.now());
  const [now, setNow] = createSignal(Date.now());
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [saved, setSaved] = createSignal<string>();
  let toggle: HTMLButtonElement | undefined;
  let savedTimeout: ReturnType<typeof setTimeout> | undefined;
  // Answers can cross (a poll in flight while you press Stop): only the latest request counts.
  let latest = 0;

  const apply = (next: Timer, seq: number) => {
    if (seq !== latest) return;
    setTimer(next);
    setReceivedAt(Date.now());
    setNow(Date.now());
    if (next.state !== 'idle') setOpen(false);
  };

  const refresh = async () => {
    const seq = ++latest;
    try {
      apply(await getTimer(), seq);
    } catch (err) {
      // A failed poll keeps the last known state; only say so if we know nothing yet.
      if (seq === latest && !timer() && !(err instanceof ApiError && err.status === 401)) {
        setError('Could not load the timer.');
      }
    }
  };

  onMount(() => {
    void refresh();
    const poll = setInterval(() => void refresh(), POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    onCleanup(() => {
      clearInterval(poll);
      document.removeEventListener('visibilitychange', onVisible);
      if (savedTimeout !== undefined) clearTimeout(savedTimeout);
    });
  });

  // Tick once a second while running.
  createEffect(() => {
    if (timer()?.state !== 'running') return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    onCleanup(() => clearInterval(tick));
  });

  const active = () => activeTimer(timer());

  const elapsed = () => {
    const current = active();
    if (!current) return 0;
    const since = current.state === 'running' ? Math.max(0, Math.floor((now() - receivedAt()) / 1000)) : 0;
    return current.elapsedSeconds + since;
  };

  const showSaved = (message: string) => {
    setSaved(message);
    if (savedTimeout !== undefined) clearTimeout(savedTimeout);
    savedTimeout = setTimeout(() => setSaved(undefined), SAVED_NOTE_MS);
  };

  const act = createAction(async (action: TimerAction) => {
    setError(undefined);
    const seq = ++latest;
    try {
      if (action === 'stop') {
        const result = await stopTimer();
        apply(result.timer, seq);
        showSaved(result.entry ? `Saved a draft entry of ${formatHm(result.entry.durationSeconds)}.` : 'Stopped. No entry was saved: you are no longer a member of the company it ran in.');
        notifyTimeEntriesChanged();
      } else {
        apply(action === 'pause' ? await pauseTimer() : await resumeTimer(), seq);
      }
    } catch (err) {
      // The timer changed elsewhere (409): show why, and catch up with its real state.
      if (err instanceof ApiError && err.status === 409) void refresh();
      throw err;
    }
  });

  const closePanel = () => {
    setOpen(false);
    toggle?.focus();
  };

  const message = () => error() ?? act.error();

  return (
    <div class="timer" classList={{ 'is-active': !!active() }}>
      <Switch>
        <Match when={active()}>
          {(current) => (
            <div class="timer-running" role="group" aria-label="Timer">
              <span class={`badge timer-state status-${current().state}`}>{current().state === 'running' ? 'Running' : 'Paused'}</span>
              <span class="timer-project" title={current().project.label}>
                {current().project.label}
              </span>
              <span class="timer-elapsed" role="timer" aria-label={`Elapsed ${formatHms(elapsed())}`}>
                {formatHms(elapsed())}
              </span>
              <Show
                when={current().state === 'running'}
                fallback={
                  <button type="button" class="btn btn-secondary btn-sm" onClick={() => void act.run('resume')} disabled={act.pending()}>
                    {act.isBusy('resume') ? 'Resuming…' : 'Resume'}
                  </button>
                }
              >
                <button type="button" class="btn btn-secondary btn-sm" onClick={() => void act.run('pause')} disabled={act.pending()}>
                  {act.isBusy('pause') ? 'Pausing…' : 'Pause'}
                </button>
              </Show>
              <button type="button" class="btn btn-primary btn-sm" onClick={() => void act.run('stop')} disabled={act.pending()}>
                {act.isBusy('stop') ? 'Stopping…' : 'Stop'}
              </button>
              <Show when={current().nudged && current().state === 'running' && current().autoStopAt}>
                {(at) => (
                  <span class="timer-nudge">
                    Still working? It stops by itself at{' '}
                    {new Date(at()).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}.
                  </span>
                )}
              </Show>
            </div>
          )}
        </Match>
        <Match when={timer()?.state === 'idle'}>
          <div class="timer-idle">
            <button
              ref={toggle}
              type="button"
              class="btn btn-secondary btn-sm timer-toggle"
              aria-expanded={open() ? 'true' : 'false'}
              aria-controls={PANEL_ID}
              onClick={() => {
                setError(undefined);
                act.clearError();
                setOpen(!open());
              }}
            >
              Start timer
            </button>
            <Show when={open()}>
              <TimerStartPanel
                id={PANEL_ID}
                onStarted={(next) => {
                  latest++;
                  apply(next, latest);
                  setOpen(false);
                }}
                onConflict={(text) => {
                  setError(text);
                  setOpen(false);
                  void refresh();
                }}
                onCancel={closePanel}
              />
            </Show>
          </div>
        </Match>
      </Switch>
      <Show when={message()}>
        <span class="timer-error" role="alert">
          {message()}
        </span>
      </Show>
      <span class="timer-saved" role="status">
        {saved()}
      </span>
    </div>
  );
}
