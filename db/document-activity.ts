/**
 * A document's timeline: its audit events (created, sent, paid, voided,
 * viewed in the portal, accepted…) and the emails that went out for it
 * (the send and each reminder), newest first.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from './client';

export interface ActivityItem {
  id: string;
  at: string;
  action: string;
  actorEmail: string | null;
  detail: unknown;
}

export async function documentActivity(tx: Tx, companyId: string, documentId: string, limit = 200): Promise<ActivityItem[]> {
  // Email intent keys are `<kind>-<documentId>-…`; the outbox is not tenant-scoped, so the key is the filter.
  const rows = await tx.execute<{ id: string; at: Date; action: string; actor_email: string | null; detail: unknown }>(sql`
    select * from (
      select 'audit:' || a.id as id, a.created_at as at, a.action, u.email as actor_email, a.after as detail
      from audit_events a left join users u on u.id = a.actor_user_id
      where a.company_id = ${companyId} and a.object_id = ${documentId}::text
      union all
      select 'email:' || o.intent_key, coalesce(o.sent_at, o.failed_at),
             case when o.status = 'failed' then 'email.failed' when o.intent_key like '%-reminder-%' then 'email.reminder_sent' when o.intent_key like '%-receipt-%' then 'email.receipt_sent' else 'email.sent' end,
             null, jsonb_build_object('to', o.to_address, 'subject', o.subject) || case when o.status = 'failed' then jsonb_build_object('error', o.last_error) else '{}'::jsonb end
      from email_outbox o
      where o.status in ('sent', 'failed') and (o.intent_key like ${`invoice-${documentId}-%`} or o.intent_key like ${`estimate-${documentId}-%`})
    ) t order by at desc, id desc limit ${limit}`);
  return rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), action: r.action, actorEmail: r.actor_email, detail: r.detail }));
}
