/** A client's history: audit events on the client and its projects, and time recorded for it, newest first. */
import { sql } from 'drizzle-orm';
import type { Tx } from './client';
import { exactInstant } from './instants';

export type TimelineRow = {
  id: string;
  at: Date;
  /** `at` to the microsecond, for the cursor. */
  at_exact: string;
  kind: 'audit' | 'time';
  action: string;
  object_type: string;
  duration_seconds: number | null;
  project_number: string | null;
  project_name: string | null;
  notes: string | null;
  actor_id: string | null;
  actor_email: string | null;
};

/** `onlyTimeOf`: a person who may not see others' time (no `time.approve`) sees only their own entries here too. */
export function clientTimeline(tx: Tx, companyId: string, clientId: string, page: { limit: number; before?: { at: string; id: string }; onlyTimeOf?: string }) {
  const cursor = page.before ? sql`where (at, id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``;
  return tx.execute<TimelineRow>(sql`
    select *, ${exactInstant(sql`at`)} as at_exact from (
      select 'audit:' || a.id as id, a.created_at as at, 'audit' as kind, a.action, a.object_type,
             null::int as duration_seconds, p.number as project_number, p.name as project_name, null as notes,
             a.actor_user_id as actor_id, u.email as actor_email
      from audit_events a
      left join users u on u.id = a.actor_user_id
      left join projects p on a.object_type = 'project' and p.id::text = a.object_id
      where a.company_id = ${companyId}
        and ((a.object_type = 'client' and a.object_id = ${clientId}::text)
          or (a.object_type = 'project' and a.object_id in (select id::text from projects where company_id = ${companyId} and client_id = ${clientId})))
      union all
      select 'time:' || t.id, t.created_at, 'time', t.status, 'time_entry', t.duration_seconds, p.number, p.name, t.notes, t.user_id, u.email
      from time_entries t join projects p on p.id = t.project_id join users u on u.id = t.user_id
      where t.company_id = ${companyId} and t.client_id = ${clientId}${page.onlyTimeOf ? sql` and t.user_id = ${page.onlyTimeOf}` : sql``}
    ) events ${cursor}
    order by at desc, id desc
    limit ${page.limit + 1}`);
}
