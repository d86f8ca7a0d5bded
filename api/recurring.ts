/**
 * The Temporal side of recurring series: one Schedule per series, id
 * `recurring-<seriesId>`, firing the `recurringOccurrence` workflow on the
 * series' calendar in the company's time zone. Creating it again is a no-op;
 * an outage up to the catch-up window is made good, each missed date once.
 */
import { ScheduleAlreadyRunning, ScheduleNotFoundError } from '@temporalio/client';
import { addDays, dayIn, instantIn } from '../domain/dates';
import { seriesCalendar, type Frequency } from '../domain/recurring';
import type { recurringOccurrence } from '../workflows/recurring-occurrence';
import { COMPANY_ID } from '../workflows/search-attributes';
import type { ApiDeps } from './env';
import { bounded } from './temporal-calls';

export const scheduleId = (seriesId: string) => `recurring-${seriesId}`;

export interface SeriesSchedule {
  companyId: string;
  seriesId: string;
  frequency: Frequency;
  startDate: string;
  endDate: string | null;
  timeZone: string;
}

export async function createSeriesSchedule({ temporal, settings }: ApiDeps, s: SeriesSchedule): Promise<void> {
  const cal = seriesCalendar(s.frequency, s.startDate);
  try {
    await temporal.schedule.create<typeof recurringOccurrence>({
      scheduleId: scheduleId(s.seriesId),
      spec: {
        calendars: [{ dayOfMonth: cal.dayOfMonth, month: cal.months, hour: cal.hour, minute: 0, second: 0 }],
        timezone: s.timeZone,
        startAt: new Date(instantIn(s.timeZone, s.startDate, '00:00')),
        endAt: endAtOf(s.timeZone, s.endDate),
      },
      action: {
        type: 'startWorkflow', workflowType: 'recurringOccurrence', taskQueue: settings.TEMPORAL_TASK_QUEUE,
        workflowId: scheduleId(s.seriesId), args: [{ companyId: s.companyId, seriesId: s.seriesId }],
        typedSearchAttributes: [{ key: COMPANY_ID, value: s.companyId }],
      },
      // A week of outage is made good: each missed date runs once (the invoice is unique per date).
      policies: { overlap: 'ALLOW_ALL', catchupWindow: '7 days' },
      // Never paused: the series row says whether a firing makes anything.
      state: { note: `recurring series ${s.seriesId}` },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}

/**
 * A schedule does not run times that passed before it existed: a series created today after its
 * occurrence hour would skip the occurrence the app lists as today's. Run today so far once (an
 * invoice is unique per date, so a second run of it makes nothing). `fromStart`: run from the
 * series' start instead — one asked for today or later but moved back to the 28th (a series
 * cannot start on the 29th–31st), whose first occurrence has just passed.
 */
export async function backfillToday({ temporal }: ApiDeps, s: Pick<SeriesSchedule, 'seriesId' | 'startDate' | 'timeZone'> & { fromStart?: boolean }): Promise<void> {
  const now = Date.now();
  const todayStart = instantIn(s.timeZone, dayIn(s.timeZone, now), '00:00');
  const start = instantIn(s.timeZone, s.startDate, '00:00');
  const from = s.fromStart ? start : Math.max(start, todayStart);
  if (from < now) await temporal.schedule.getHandle(scheduleId(s.seriesId)).backfill([{ start: new Date(from), end: new Date(now), overlap: 'ALLOW_ALL' }]);
}

const endAtOf = (timeZone: string, endDate: string | null) => (endDate ? new Date(instantIn(timeZone, addDays(endDate, 1), '00:00')) : undefined);

/** Move (or lift) the last day the series' schedule may fire. */
export async function setSeriesEnd({ temporal }: ApiDeps, seriesId: string, endDate: string | null, timeZone: string): Promise<void> {
  await bounded(temporal, () => temporal.schedule.getHandle(scheduleId(seriesId)).update((prev) => ({ ...prev, spec: { ...prev.spec, endAt: endAtOf(timeZone, endDate) } })));
}

/**
 * The company moved time zone: each series' schedule fires at the occurrence hour in the new one, from
 * its start to its end read there — else it would go on firing at the old zone's 06:00 while the
 * occurrence is dated (and skip dates matched) in the new zone, a day off for a big enough move.
 */
export async function moveSeriesSchedules(deps: ApiDeps, series: { id: string; startDate: string; endDate: string | null }[], timeZone: string): Promise<string[]> {
  const failed: string[] = [];
  for (const s of series) {
    try {
      await bounded(deps.temporal, () => deps.temporal.schedule.getHandle(scheduleId(s.id)).update((prev) => ({
        ...prev, spec: { ...prev.spec, timezone: timeZone, startAt: new Date(instantIn(timeZone, s.startDate, '00:00')), endAt: endAtOf(timeZone, s.endDate) },
      })));
      // Moved east past the occurrence hour, today's firing would otherwise be lost.
      await bounded(deps.temporal, () => backfillToday(deps, { seriesId: s.id, startDate: s.startDate, timeZone }));
    } catch {
      failed.push(s.id);
    }
  }
  return failed;
}

/** Series are paused in their row, not their schedule (api/routes/recurring.ts#changeSeries); this undoes an older pause. */
export async function unpauseSeriesSchedule({ temporal }: ApiDeps, seriesId: string): Promise<void> {
  const handle = temporal.schedule.getHandle(scheduleId(seriesId));
  // Called before the row commits, but bounded the same way: an unreachable Temporal fails the resume in seconds rather than holding it open.
  await bounded(temporal, async () => {
    if ((await handle.describe()).state.paused) await handle.unpause('resumed from the app');
  }, 5000);
}

export async function deleteSeriesSchedule({ temporal }: ApiDeps, seriesId: string): Promise<void> {
  try {
    await temporal.schedule.getHandle(scheduleId(seriesId)).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
}
