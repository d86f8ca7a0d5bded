/** The platform's own Schedules, made sure of when a worker starts (creating one that exists changes nothing). */
import { Client, ScheduleAlreadyRunning, type Connection } from '@temporalio/client';
import type { outboxSweep } from '../../workflows/outbox-sweep';

export const OUTBOX_SWEEP_SCHEDULE_ID = 'outbox-sweep';

export async function ensurePlatformSchedules(connection: Connection, opts: { namespace: string; taskQueue: string }): Promise<void> {
  const client = new Client({ connection, namespace: opts.namespace });
  try {
    await client.schedule.create<typeof outboxSweep>({
      scheduleId: OUTBOX_SWEEP_SCHEDULE_ID,
      spec: { intervals: [{ every: '5 minutes' }] },
      action: { type: 'startWorkflow', workflowType: 'outboxSweep', taskQueue: opts.taskQueue, workflowId: OUTBOX_SWEEP_SCHEDULE_ID, args: [{}] },
      // A sweep still running when the next is due has the same list to work: skip, do not queue.
      policies: { overlap: 'SKIP', catchupWindow: '5 minutes' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
