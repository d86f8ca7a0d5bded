/** The running timer's arithmetic, shared by the workflow (which records it) and the API (which shows it). Pure. */
export interface Segment {
  /** Epoch ms. */
  from: number;
  /** Epoch ms; null while running. */
  to: number | null;
}

export type TimerPhase = 'idle' | 'running' | 'paused' | 'stopped';

export interface TimerStart {
  companyId: string;
  projectId: string;
  projectLabel: string;
  clientId: string | null;
  clientName: string | null;
  catalogItemId: string | null;
  serviceName: string;
  notes: string;
  /** The company's auto-stop limit, taken when the timer starts. */
  autoStopAfterMs: number;
}

export interface TimerState {
  phase: TimerPhase;
  start: TimerStart | null;
  segments: Segment[];
  nudged: boolean;
  autoStopped: boolean;
  entryId: string | null;
}

/** Milliseconds worked so far: paused gaps do not count. */
export function workedMs(segments: readonly Segment[], now: number): number {
  return segments.reduce((sum, s) => sum + Math.max(0, (s.to ?? now) - s.from), 0);
}

/** Whole seconds for the entry: at least one, so a stopped timer always leaves a record. */
export function entrySeconds(segments: readonly Segment[], now: number): number {
  return Math.max(1, Math.round(workedMs(segments, now) / 1000));
}

/** Nudge ("still working?") at 80% of the limit. */
export function nudgeAfterMs(autoStopAfterMs: number): number {
  return Math.floor(autoStopAfterMs * 0.8);
}

export function timerWorkflowId(userId: string): string {
  return `timer-${userId}`;
}
