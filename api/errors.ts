import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../domain/errors';
import type { AppEnv } from './env';
import { errorFields } from './log';

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message, ...(fields && { fields }) } };
}

/** AppError → its status and shape; anything else → an opaque 500 with the request id to quote. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    if (err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(errorBody(err.code, err.message, err.fields), err.status as ContentfulStatusCode);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own 4xx, e.g. a body that is not JSON.
    return c.json(errorBody('BAD_REQUEST', err.message || 'The request could not be read.'), err.status);
  }
  c.var.deps.log.error('unhandled error', { ...errorFields(err), method: c.req.method, path: c.req.path });
  return c.json(errorBody('INTERNAL', `Something went wrong on our side. Quote request id ${c.var.requestId} if you contact support.`), 500);
}

export function notFound(c: Context<AppEnv>) {
  return c.json(errorBody('NOT_FOUND', 'No such resource.'), 404);
}
