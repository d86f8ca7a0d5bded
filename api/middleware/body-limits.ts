/**
 * How much of a request body the API will read: a body is read (and a multipart form held in
 * memory) before any signature, session or size rule can look at it, so without a cap anyone could
 * send gigabytes to the public upload endpoint. Past the cap the answer is a 413 and the rest of
 * the body is not read.
 */
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { errorBody } from '../errors';
import type { AppEnv } from '../env';

const MiB = 1024 * 1024;
/** JSON bodies: the largest is a CSV import (2,000,000 characters, up to 3 bytes each in UTF-8, escaped as a JSON string). */
export const JSON_BODY_MAX_BYTES = 8 * MiB;
/** A local-disk upload's multipart form carries the policy fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** One limiter per size (there are two), made once rather than per request. */
const limiters = new Map<number, ReturnType<typeof bodyLimit>>();
const limiterOf = (maxSize: number) => {
  let limiter = limiters.get(maxSize);
  if (!limiter) {
    limiter = bodyLimit({
      maxSize,
      onError: (ctx) => ctx.json(errorBody('PAYLOAD_TOO_LARGE', `This request is larger than the ${Math.floor(maxSize / MiB)} MB the API accepts here.`), 413),
    });
    limiters.set(maxSize, limiter);
  }
  return limiter;
};

export const bodyLimits = createMiddleware<AppEnv>((c, next) =>
  limiterOf(c.req.path === '/api/v1/storage/upload' ? c.var.deps.settings.FILE_MAX_MB * MiB + FORM_OVERHEAD_BYTES : JSON_BODY_MAX_BYTES)(c, next));
