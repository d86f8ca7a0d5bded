/**
 * Writes the draft entry a stopped timer leaves. Idempotent: the entry's
 * source key is the timer run, unique per company, so a retried activity
 * (or a replayed workflow) finds the entry it already wrote.
 */
import type { Db } from '../db/client';
import { findBySource, insertTimeEntry, timeSettings } from '../db/time-entries';
import { withTenant } from '../db/tenant';
import { dayIn } from '../domain/dates';
import type { TimerStart } from '../domain/timer';

export interface TimerEntryInput extends TimerStart {
  userId: string;
  startedAt: number;
  durationSeconds: number;
  sourceKey: string;
}

export function createTimeActivities({ db }: { db: Db }) {
  return {
    async writeTimerEntry(e: TimerEntryInput): Promise<string> {
      return withTenant(db, e.companyId, async (tx) => {
        const settings = await timeSettings(tx, e.companyId);
        const row = await insertTimeEntry(tx, e.companyId, {
          userId: e.userId, projectId: e.projectId, clientId: e.clientId, catalogItemId: e.catalogItemId,
          serviceName: e.serviceName, notes: e.notes, workDate: dayIn(settings?.timeZone ?? 'UTC', e.startedAt),
          startedAt: new Date(e.startedAt), durationSeconds: Math.min(e.durationSeconds, 86_400), sourceKey: e.sourceKey,
        });
        return (row ?? (await findBySource(tx, e.companyId, e.sourceKey))!).id;
      });
    },
  };
}

export type TimeActivities = ReturnType<typeof createTimeActivities>;
