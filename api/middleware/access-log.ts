import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { loggedPath } from '../log';

/** One line per request; over the slow threshold it is a warning, so slow endpoints stand out. */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const ms = Math.round(performance.now() - started);
  const { log, settings } = c.var.deps;
  const fields = { method: c.req.method, path: loggedPath(c.req.path), status: c.res.status, ms };
  if (ms >= settings.SLOW_REQUEST_MS) log.warn('slow request', fields);
  else log.info('request', fields);
});
