import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './identity';
import { tenantPolicy } from './tenancy';

/** Who did what to which object, with before/after. Written in the same transaction as the change; append-only (trigger). */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  actorUserId: uuid('actor_user_id'),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
  ip: text('ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('audit_events_company_idx').on(t.companyId, t.id),
  index('audit_events_action_idx').on(t.companyId, t.action, t.id),
  tenantPolicy('audit_events', t.companyId),
]);
