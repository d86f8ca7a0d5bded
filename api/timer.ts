/** The API side of the timer workflow: start with Update-with-Start, the other Updates, reading its state. */
import { WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError } from '../domain/errors';
import { timerWorkflowId, workedMs, type TimerStart, type TimerState } from '../domain/timer';
import type { timer } from '../workflows/timer';
import type { ApiDeps } from './env';
import { bounded } from './temporal-calls';

const IDLE: TimerState = { phase: 'idle', start: null, segments: [], nudged: false, autoStopped: false, entryId: null };

/** Update failures the workflow raised on purpose (validators) become 409s with their code; the rest propagate. */
function asConflict(err: unknown): never {
  const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type) throw new AppError(409, cause.type, cause.message);
  if (err instanceof WorkflowNotFoundError || (err instanceof Error && /already completed|not found/i.test(err.message))) {
    throw new AppError(409, 'TIMER_NOT_RUNNING', 'No timer is running.');
  }
  throw err;
}

export async function startTimer({ temporal, settings }: ApiDeps, userId: string, start: TimerStart): Promise<TimerState> {
  const op = new WithStartWorkflowOperation<typeof timer>('timer', {
    workflowId: timerWorkflowId(userId), taskQueue: settings.TEMPORAL_TASK_QUEUE, args: [{ userId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return temporal.workflow.executeUpdateWithStart<typeof timer, TimerState, [TimerStart]>('startTimer', { args: [start], startWorkflowOperation: op })
    .catch(asConflict);
}

export function timerUpdate({ temporal }: ApiDeps, userId: string, update: 'pauseTimer' | 'resumeTimer' | 'stopTimer'): Promise<TimerState> {
  return temporal.workflow.getHandle(timerWorkflowId(userId)).executeUpdate<TimerState, []>(update).catch(asConflict);
}

/**
 * A member removed from a company: their timer, if it runs there, stops now, and its entry records
 * the time worked until then. A timer running in another company (or none) is left alone. Bounded,
 * since it runs after the removal has committed; a failure is the caller's to log.
 */
export async function stopTimerIn({ temporal }: ApiDeps, userId: string, companyId: string): Promise<void> {
  try {
    await bounded(temporal, () => temporal.workflow.getHandle(timerWorkflowId(userId)).executeUpdate<TimerState, [{ companyId: string }]>('stopTimer', { args: [{ companyId }] }));
  } catch (err) {
    try {
      asConflict(err);
    } catch (conflict) {
      if (conflict instanceof AppError && conflict.code === 'TIMER_NOT_RUNNING') return;
      throw conflict;
    }
  }
}

/** The user's timer as it stands: idle when there is none or the last one has stopped. */
export async function readTimer({ temporal }: ApiDeps, userId: string): Promise<TimerState> {
  try {
    const handle = temporal.workflow.getHandle(timerWorkflowId(userId));
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return IDLE;
    const state = await handle.query<TimerState>('timerState');
    return state.phase === 'running' || state.phase === 'paused' ? state : IDLE;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return IDLE;
    throw err;
  }
}

export function timerView(state: TimerState, now = Date.now()) {
  if (state.phase !== 'running' && state.phase !== 'paused') return { state: 'idle' as const };
  const s = state.start!;
  return {
    state: state.phase,
    project: { id: s.projectId, label: s.projectLabel },
    client: s.clientId ? { id: s.clientId, name: s.clientName ?? '' } : null,
    serviceName: s.serviceName,
    notes: s.notes,
    startedAt: new Date(state.segments[0]!.from).toISOString(),
    elapsedSeconds: Math.floor(workedMs(state.segments, now) / 1000),
    nudged: state.nudged,
    autoStopAt: state.phase === 'running' ? new Date(now + s.autoStopAfterMs - workedMs(state.segments, now)).toISOString() : null,
  };
}
