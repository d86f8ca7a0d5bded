import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { logContext } from '../log';

// Inbound ids are honoured only when they look like ids, so log lines cannot be forged.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const inbound = c.req.header('x-request-id');
  const id = inbound && SAFE_ID.test(inbound) ? inbound : randomUUID();
  c.set('requestId', id);
  c.header('X-Request-ID', id);
  await logContext.run({ requestId: id }, next);
  // Error responses are built after next() by onError; make sure they carry the id too.
  c.res.headers.set('X-Request-ID', id);
});
