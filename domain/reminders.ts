/**
 * Invoice reminder schedules (PRODUCT.md §J): days relative to the due date
 * (negative = before), each sent at a local hour in the company's time zone.
 * Pure: the workflow asks what is due at a moment, and gets each step once.
 */
import { addDays, instantIn } from './dates';

export const DEFAULT_REMINDER_DAYS = [-3, 7, 14, 21] as const;
export const REMINDER_LOCAL_TIME = '09:00';

export interface ReminderStep {
  /** 1-based position in the schedule: part of the email's intent key, so each step mails once. */
  step: number;
  offsetDays: number;
  /** Epoch ms. */
  at: number;
}

export function validateSchedule(days: readonly number[]): string | null {
  if (days.length > 10) return 'At most 10 reminders.';
  if (days.some((d) => !Number.isInteger(d) || d < -60 || d > 365)) return 'Reminder days are whole days from 60 before to 365 after the due date.';
  if (new Set(days).size !== days.length) return 'Each reminder day once.';
  return null;
}

/** The schedule for one invoice, in time order. */
export function reminderPlan(dueDate: string, days: readonly number[], timeZone: string, localTime = REMINDER_LOCAL_TIME): ReminderStep[] {
  return [...days].sort((a, b) => a - b)
    .map((offsetDays, i) => ({ step: i + 1, offsetDays, at: instantIn(timeZone, addDays(dueDate, offsetDays), localTime) }));
}

/**
 * Steps whose time has come and that have not been sent. After an outage this
 * returns every missed step exactly once (each is recorded as sent by its
 * caller), never zero, never the same step twice.
 */
export function dueSteps(plan: readonly ReminderStep[], now: number, sent: ReadonlySet<number>): ReminderStep[] {
  return plan.filter((s) => s.at <= now && !sent.has(s.step));
}
