/** Time entry rules: statuses, durations people type, overlaps. Pure. */
export const TIME_STATUSES = ['draft', 'submitted', 'approved', 'billed'] as const;
export type TimeStatus = (typeof TIME_STATUSES)[number];

/** Longest single entry we accept: a day. Longer is a forgotten timer or a typo. */
export const MAX_ENTRY_SECONDS = 24 * 3600;

type Action = 'edit' | 'delete' | 'submit' | 'approve' | 'reject' | 'bill';

const ALLOWED: Record<Action, readonly TimeStatus[]> = {
  edit: ['draft'],
  delete: ['draft'],
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted', 'approved'],
  bill: ['approved'],
};

/** Why `action` is not allowed on an entry in `status`, or null. Billed entries are locked. */
export function transitionProblem(status: TimeStatus, action: Action): string | null {
  if (ALLOWED[action].includes(status)) return null;
  if (status === 'billed') return 'This time has been billed and is locked.';
  return `A ${status} entry cannot be ${{ edit: 'edited', delete: 'deleted', submit: 'submitted', approve: 'approved', reject: 'sent back', bill: 'billed' }[action]}.`;
}

/**
 * Hours as people type them: "1.5", "1:30", "90m", "2h", "1h 30m". Whole
 * seconds out; null for nonsense, zero, negatives or more than a day.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  let seconds: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2}):([0-5]\d)$/.exec(t))) seconds = Number(m[1]) * 3600 + Number(m[2]) * 60;
  else if ((m = /^(\d{1,2})(?:\.(\d{1,3}))?\s*h?$/.exec(t))) seconds = Number(m[1]) * 3600 + Math.round(Number(`0.${m[2] ?? '0'}`) * 3600);
  else if ((m = /^(?:(\d{1,2})\s*h)?\s*(?:(\d{1,4})\s*m)$/.exec(t))) seconds = Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60;
  if (seconds === null || seconds <= 0 || seconds > MAX_ENTRY_SECONDS) return null;
  return seconds;
}

/**
 * Why `text` is not a duration parseDuration accepts, in words a person can act
 * on (negative, zero, over a day, or not a duration at all); null when it is fine.
 */
export function durationProblem(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return 'Enter the time worked, like 1.5 or 1:30.';
  if (parseDuration(t) !== null) return null;
  if (/^[-−]/.test(t)) return 'Time worked cannot be negative.';
  // Read it without parseDuration's limits, only to say which limit it breaks.
  let m: RegExpExecArray | null;
  let seconds: number | null = null;
  if ((m = /^(\d+):([0-5]\d)$/.exec(t))) seconds = Number(m[1]) * 3600 + Number(m[2]) * 60;
  else if ((m = /^(\d+)(?:\.(\d+))?\s*h?$/.exec(t))) seconds = Math.round(Number(`${m[1]}.${m[2] ?? '0'}`) * 3600);
  else if ((m = /^(?:(\d+)\s*h)?\s*(\d+)\s*m$/.exec(t))) seconds = Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60;
  if (seconds === 0) return 'Enter more than zero time.';
  if (seconds !== null && seconds > MAX_ENTRY_SECONDS) return 'At most 24 hours in one entry; split longer work across days.';
  return 'Enter hours like 1.5 or a duration like 1:30.';
}

export interface Span {
  start: number;
  end: number;
}

/** Half-open intervals overlap when each starts before the other ends (touching is fine). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function formatHm(seconds: number): string {
  const m = Math.round(seconds / 60);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}
