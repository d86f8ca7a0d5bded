/**
 * The Temporal side of recurring series: one Schedule per series, id
 * `recurring-<seriesId>`, firing the `recurringOccurrence` workflow on the
 * series' calendar in the company's time zone. Creating it again is a no-op;
 * an outage up to the catch-up window is made good, each missed date once.
 */
import { ScheduleAlreadyRunning, ScheduleNotFoundError } from '@temporalio/client';
import { addDays, instantIn } from '../domain/dates';
import { seriesCalendar, type Frequency } from '../domain/recurring';
import type { recurringOccurrence } from '../workflows/recurring-occurrence';
import { COMPANY_ID } from '../workflows/search-attributes';
import type { ApiDeps } from './env';

export const scheduleId = (seriesId: string) => `recurring-${seriesId}`;

export interface SeriesSchedule {
  companyId: string;
  seriesId: string;
  frequency: Frequency;
  startDate: string;
  endDate: string | null;
  timeZone: string;
  paused: boolean;
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
      state: { paused: s.paused, note: `recurring series ${s.seriesId}` },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}

const endAtOf = (timeZone: string, endDate: string | null) => (endDate ? new Date(instantIn(timeZone, addDays(endDate, 1), '00:00')) : undefined);

/** Move (or lift) the last day the series' schedule may fire. */
export async function setSeriesEnd({ temporal }: ApiDeps, seriesId: string, endDate: string | null, timeZone: string): Promise<void> {
  await temporal.schedule.getHandle(scheduleId(seriesId)).update((prev) => ({ ...prev, spec: { ...prev.spec, endAt: endAtOf(timeZone, endDate) } }));
}

export async function setSeriesPaused({ temporal }: ApiDeps, seriesId: string, paused: boolean): Promise<void> {
  const handle = temporal.schedule.getHandle(scheduleId(seriesId));
  if (paused) await handle.pause('paused from the app');
  else await handle.unpause('resumed from the app');
}

export async function deleteSeriesSchedule({ temporal }: ApiDeps, seriesId: string): Promise<void> {
  try {
    await temporal.schedule.getHandle(scheduleId(seriesId)).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
}
