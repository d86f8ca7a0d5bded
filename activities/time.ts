/**
 * Writes the draft entry a stopped timer leaves. Idempotent: the entry's
 * source key is the timer run, unique per company, so a retried activity
 * (or a replayed workflow) finds the entry it already wrote.
 */
import { removedAt as memberRemovedAt } from '../db/audit';
import type { Db } from '../db/client';
import { getMember } from '../db/members';
import { getProject } from '../db/projects';
import { findBySource, insertTimeEntry, timeSettings } from '../db/time-entries';
import { withTenant } from '../db/tenant';
import { dayIn } from '../domain/dates';
import { billableByDefault } from '../domain/projects';
import type { TimerStart } from '../domain/timer';

export interface TimerEntryInput extends TimerStart {
  userId: string;
  startedAt: number;
  durationSeconds: number;
  sourceKey: string;
}

export function createTimeActivities({ db }: { db: Db }) {
  return {
    async writeTimerEntry(e: TimerEntryInput): Promise<string | null> {
      return withTenant(db, e.companyId, async (tx) => {
        const found = await findBySource(tx, e.companyId, e.sourceKey);
        if (found) return found.id;
        // Removed from the company while the timer ran (its stop at the removal did not get through):
        // only the time up to the removal is theirs to record there, and none if it began after.
        let durationSeconds = e.durationSeconds;
        if (!(await getMember(tx, e.companyId, e.userId))) {
          const removedAt = await memberRemovedAt(tx, e.companyId, e.userId);
          if (!removedAt || removedAt.getTime() <= e.startedAt) return null;
          durationSeconds = Math.min(durationSeconds, Math.max(1, Math.round((removedAt.getTime() - e.startedAt) / 1000)));
        }
        const settings = await timeSettings(tx, e.companyId);
        // Billable as the project bills now, as a typed-in entry would be; a project deleted while the timer ran still says how it bills.
        const project = await getProject(tx, e.companyId, e.projectId, { includeDeleted: true });
        const row = await insertTimeEntry(tx, e.companyId, {
          billable: project ? billableByDefault(project.billingType) : true,
          userId: e.userId, projectId: e.projectId, clientId: e.clientId, catalogItemId: e.catalogItemId,
          serviceName: e.serviceName, notes: e.notes, workDate: dayIn(settings?.timeZone ?? 'UTC', e.startedAt),
          startedAt: new Date(e.startedAt), durationSeconds: Math.min(durationSeconds, 86_400), sourceKey: e.sourceKey,
        });
        return (row ?? (await findBySource(tx, e.companyId, e.sourceKey))!).id;
      });
    },
  };
}

export type TimeActivities = ReturnType<typeof createTimeActivities>;
