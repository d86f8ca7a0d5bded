import type { Context } from 'hono';
import type { AuditEvent } from '../db/audit';
import { clientIp } from './client-ip';
import type { AppEnv } from './env';

/** Who and where, for an audit event: the acting user, this request's id and the caller's address. */
export function auditBy(c: Context<AppEnv>, actorUserId: string | null): Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'> {
  return { actorUserId, requestId: c.var.requestId, ip: clientIp(c) };
}
