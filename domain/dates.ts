/** Calendar days in a company's time zone. Pure: the instant is passed in. */
import { dateFormat } from './formatters';

/** `YYYY-MM-DD` of an instant as seen in `timeZone`. */
export function dayIn(timeZone: string, epochMs: number): string {
  const parts = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(epochMs));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `HH:MM` of an instant as seen in `timeZone` (24-hour). */
export function timeIn(timeZone: string, epochMs: number): string {
  const parts = dateFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(epochMs));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('hour')}:${get('minute')}`;
}

/** The instant a wall-clock time in `timeZone` happened (DST-correct to the minute). */
export function instantIn(timeZone: string, day: string, hhmm: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, from how the guess reads there; twice settles DST edges.
  let t = guess;
  for (let i = 0; i < 2; i++) t = guess - offsetMs(timeZone, t);
  return t;
}

function offsetMs(timeZone: string, epochMs: number): number {
  const parts = dateFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(epochMs / 1000) * 1000;
}

export function isDay(text: string): boolean {
  // Years 1900–2999: anything else is a typo here, and two-digit years would be read as 19xx by Date.UTC.
  if (!/^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Monday of the week containing `day`, and the seven days from it. */
export function weekOf(day: string): string[] {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  return Array.from({ length: 7 }, (_, i) => new Date(monday.getTime() + i * 86_400_000).toISOString().slice(0, 10));
}

/** The calendar day `n` days after (or before, if negative) `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The later of two days (YYYY-MM-DD compares as text): money moved on a document is never dated before the document. */
export function notBefore(day: string, floor: string): string {
  return day < floor ? floor : day;
}

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/London"; not "GMT+1" typos). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
