import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../domain/errors';
import type { AppEnv } from './env';
import { errorFields, loggedPath } from './log';

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message, ...(fields && { fields }) } };
}

/**
 * The database's own walls raise `CODE: detail` (triggers in db/migrations). Reaching them means
 * the application's check was bypassed or raced; the caller still gets the rule, not a 500.
 */
const DATABASE_REFUSALS: Record<string, { status: ContentfulStatusCode; message: string }> = {
  PERIOD_CLOSED: { status: 422, message: 'That date falls in a closed accounting period.' },
  INVOICE_LOCKED: { status: 409, message: 'This document is locked; its money and lines cannot change.' },
  UNBALANCED_ENTRY: { status: 422, message: 'A journal entry must balance.' },
  PERIOD_OVERLAP: { status: 422, message: 'Accounting periods cannot overlap.' },
};

function databaseRefusal(err: Error): { code: string; status: ContentfulStatusCode; message: string } | null {
  for (let e: unknown = err; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    const code = /^([A-Z_]+):/.exec(e.message)?.[1];
    if (code && DATABASE_REFUSALS[code]) return { code, ...DATABASE_REFUSALS[code]! };
  }
  return null;
}

/** AppError → its status and shape; anything else → an opaque 500 with the request id to quote. */
export function onError(err: Error, c: Context<AppEnv>) {
  const refused = err instanceof AppError ? null : databaseRefusal(err);
  if (refused) return c.json(errorBody(refused.code, refused.message), refused.status);
  if (err instanceof AppError) {
    if (err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(errorBody(err.code, err.message, err.fields), err.status as ContentfulStatusCode);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own 4xx, e.g. a body that is not JSON.
    return c.json(errorBody('BAD_REQUEST', err.message || 'The request could not be read.'), err.status);
  }
  c.var.deps.log.error('unhandled error', { ...errorFields(err), method: c.req.method, path: loggedPath(c.req.path) });
  return c.json(errorBody('INTERNAL', `Something went wrong on our side. Quote request id ${c.var.requestId} if you contact support.`), 500);
}

export function notFound(c: Context<AppEnv>) {
  return c.json(errorBody('NOT_FOUND', 'No such resource.'), 404);
}
