/**
 * Recurring invoice series (PRODUCT.md §E): when occurrences fall. Pure: the
 * API turns a series into a Temporal Schedule's calendar with this, and tests
 * hold the dates to it.
 */
import { addDays, dayIn, instantIn } from './dates';

export const FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const MONTH_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;
export type MonthName = (typeof MONTH_NAMES)[number];

/** Occurrences are created at this local hour, so the invoice is dated that day wherever the company is. */
export const OCCURRENCE_HOUR = 6;

/** The first day whose occurrence is still to come at `now`: today before the occurrence hour, else tomorrow. */
export function upcomingFrom(timeZone: string, now: number): string {
  const today = dayIn(timeZone, now);
  return now < instantIn(timeZone, today, `${String(OCCURRENCE_HOUR).padStart(2, '0')}:00`) ? today : addDays(today, 1);
}

export interface SeriesCalendar {
  /** Days past the 28th would skip short months, so a series on the 29th–31st runs on the 28th. */
  dayOfMonth: number;
  months: MonthName[];
  hour: number;
}

export function seriesCalendar(frequency: Frequency, startDate: string): SeriesCalendar {
  const [, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const every = frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : 12;
  const months = Array.from({ length: 12 / every }, (_, i) => MONTH_NAMES[(m - 1 + i * every) % 12]!);
  return { dayOfMonth: Math.min(d, 28), months, hour: OCCURRENCE_HOUR };
}

/** A series starting on the 29th–31st starts on the 28th of that month, its first occurrence. */
export function seriesStart(startDate: string): string {
  const [y, m, d] = startDate.split('-') as [string, string, string];
  return Number(d) > 28 ? `${y}-${m}-28` : startDate;
}

/**
 * Whether a series asked to start on `requested` (today or later) starts earlier than asked — moved
 * back to the 28th — so its first occurrence may already be behind it and is to be made now.
 */
export function startMovedBack(requested: string, today: string): boolean {
  return seriesStart(requested) !== requested && requested >= today;
}

/** The first `count` occurrence dates of the series on or after `from` (default: its start). */
export function occurrenceDates(frequency: Frequency, startDate: string, count: number, endDate?: string | null, from?: string): string[] {
  const cal = seriesCalendar(frequency, startDate);
  const out: string[] = [];
  for (let day = from && from > startDate ? from : startDate; out.length < count; day = addDays(day, 1)) {
    if (endDate && day > endDate) break;
    const [, m, d] = day.split('-').map(Number) as [number, number, number];
    if (d === cal.dayOfMonth && cal.months.includes(MONTH_NAMES[m - 1]!)) out.push(day);
  }
  return out;
}

export function seriesProblem(s: { startDate: string; endDate?: string | null }): string | null {
  if (s.endDate && s.endDate < s.startDate) return 'The series cannot end before it starts.';
  return null;
}
