// Calendar days as `YYYY-MM-DD` strings in the browser's time zone.

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A Date's local calendar day as `YYYY-MM-DD`. */
export function toIsoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today, locally. */
export function todayIso(): string {
  return toIsoDay(new Date());
}

/** `YYYY-MM-DD` → local midnight, or undefined if malformed. */
export function parseIsoDay(day: string | null | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "Jan 5, 2025" for a `YYYY-MM-DD` day (no time-zone shift). */
export function formatDay(day: string | null | undefined): string {
  const date = parseIsoDay(day);
  return date ? date.toLocaleDateString(undefined, { dateStyle: 'medium' }) : (day ?? '—');
}

/** "Mon 6" for a timesheet column header. */
export function formatWeekday(day: string): string {
  const date = parseIsoDay(day);
  return date ? date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' }) : day;
}
