/**
 * One user's timer. Id `timer-<userId>`: one per user across every device.
 * The API starts it with Update-with-Start (`startTimer`), so two tabs that
 * press Start at once reach the same workflow and the second start is
 * rejected by the validator. Pause, resume and stop are Updates, validated
 * against the current phase. Stopping writes a draft time entry through an
 * idempotent activity (keyed by this run), then the run ends; the next start
 * begins a new run. The clock lives in the history, so a worker that dies
 * mid-timer loses nothing: the elapsed time is right after it comes back.
 * A running timer is nudged at 80% of the company's limit and stopped at it.
 */
import {
  allHandlersFinished, ApplicationFailure, condition, defineQuery, defineUpdate, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo,
} from '@temporalio/workflow';
import type { TimeActivities } from '../activities/time';
import { entrySeconds, nudgeAfterMs, workedMs, type TimerStart, type TimerState } from '../domain/timer';

const entryOptions = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } } as const;
const remote = proxyActivities<TimeActivities>(entryOptions);
const local = proxyLocalActivities<TimeActivities>(entryOptions);
/**
 * The entry is written by a local activity, in the worker that runs the stop: the Update answers
 * without an activity task's trip through the server. Idempotent by the timer run, as a local
 * activity must be. Histories from before run the remote activity they scheduled.
 */
const writeTimerEntry: TimeActivities['writeTimerEntry'] = (e) => (patched('local-entry') ? local : remote).writeTimerEntry(e);

export const startTimer = defineUpdate<TimerState, [TimerStart]>('startTimer');
export const pauseTimer = defineUpdate<TimerState>('pauseTimer');
export const resumeTimer = defineUpdate<TimerState>('resumeTimer');
/** `companyId`: stop only a timer running in that company (its member was removed); refused otherwise. */
export const stopTimer = defineUpdate<TimerState, [{ companyId?: string }?]>('stopTimer');
export const timerState = defineQuery<TimerState>('timerState');

export interface TimerInput {
  userId: string;
}

const refuse = (code: string, message: string) => {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
};

export async function timer(input: TimerInput): Promise<TimerState> {
  const state: TimerState = { phase: 'idle', start: null, segments: [], nudged: false, autoStopped: false, entryId: null };
  // A copy, so callers never hold the live state (structuredClone is not in the workflow sandbox).
  const snapshot = (): TimerState => JSON.parse(JSON.stringify(state)) as TimerState;

  async function finish(autoStopped: boolean): Promise<void> {
    let now = Date.now();
    const open = state.segments.at(-1);
    if (open && open.to === null) {
      // Stopped by the limit: record exactly the limit, not the moment the timer got round to firing.
      if (autoStopped) now = Math.min(now, open.from + state.start!.autoStopAfterMs - workedMs(state.segments.slice(0, -1), now));
      open.to = now;
    }
    state.phase = 'stopped';
    state.autoStopped = autoStopped;
    const info = workflowInfo();
    state.entryId = await writeTimerEntry({
      ...state.start!, userId: input.userId, startedAt: state.segments[0]!.from,
      durationSeconds: entrySeconds(state.segments, now), sourceKey: `${info.workflowId}-${info.runId}`,
    });
  }

  setHandler(timerState, snapshot);
  setHandler(startTimer, (start) => {
    state.phase = 'running';
    state.start = start;
    state.segments.push({ from: Date.now(), to: null });
    return snapshot();
  }, { validator: (_start: TimerStart) => { if (state.phase !== 'idle') refuse('TIMER_RUNNING', 'A timer is already running.'); } });
  setHandler(pauseTimer, () => {
    state.segments.at(-1)!.to = Date.now();
    state.phase = 'paused';
    return snapshot();
  }, { validator: () => { if (state.phase !== 'running') refuse('TIMER_NOT_RUNNING', 'No timer is running.'); } });
  setHandler(resumeTimer, () => {
    state.segments.push({ from: Date.now(), to: null });
    state.phase = 'running';
    return snapshot();
  }, { validator: () => { if (state.phase !== 'paused') refuse('TIMER_NOT_PAUSED', 'The timer is not paused.'); } });
  setHandler(stopTimer, async () => {
    await finish(false);
    return snapshot();
  }, {
    validator: (only?: { companyId?: string }) => {
      if (state.phase !== 'running' && state.phase !== 'paused') refuse('TIMER_NOT_RUNNING', 'No timer is running.');
      if (only?.companyId && state.start!.companyId !== only.companyId) refuse('TIMER_NOT_RUNNING', 'No timer is running in this company.');
    },
  });

  await condition(() => state.phase !== 'idle');
  while (state.phase === 'running' || state.phase === 'paused') {
    const limit = state.start!.autoStopAfterMs;
    if (state.phase === 'paused') {
      // A timer paused for as long as the limit is abandoned: close it out.
      if (!(await condition(() => state.phase !== 'paused', limit))) await finish(true);
      continue;
    }
    const worked = workedMs(state.segments, Date.now());
    const until = state.nudged ? limit : nudgeAfterMs(limit);
    const changed = await condition(() => state.phase !== 'running', Math.max(1, until - worked));
    if (changed) continue;
    if (!state.nudged) state.nudged = true;
    else await finish(true);
  }
  await condition(allHandlersFinished);
  return snapshot();
}
