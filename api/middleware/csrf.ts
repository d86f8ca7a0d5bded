/**
 * Cross-site request forgery defence for cookie-authenticated writes. A write
 * is refused when the browser says it came from another site (Origin or
 * Sec-Fetch-Site), and any body must be JSON (or, for the logo, a PNG or JPEG
 * image): a cross-site page cannot send either without a CORS preflight, which
 * this API never grants — only form types (urlencoded, multipart, text/plain) go
 * without one.
 */
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../domain/errors';
import type { AppEnv } from '../env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Local-disk uploads are authorised by their signed policy, not the cookie, and are multipart by nature. */
const SIGNED_UPLOAD = '/api/v1/storage/upload';

export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method) && c.req.path !== SIGNED_UPLOAD) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && origin !== c.var.deps.settings.APP_URL) || (site && site !== 'same-origin' && site !== 'none')) {
      throw AppError.forbidden('Cross-site request refused.', 'CSRF');
    }
    const type = c.req.header('content-type');
    if (type && !/^(application\/json|image\/png|image\/jpeg)\b/i.test(type)) {
      throw new AppError(403, 'CSRF', 'Send JSON (Content-Type: application/json).');
    }
  }
  await next();
});
