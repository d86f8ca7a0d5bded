import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/**
 * Our own origin only: the web app ships no inline scripts and loads nothing
 * from elsewhere. Inline styles stay allowed for component style attributes;
 * data: images for generated pictures. CSP_REPORT_ONLY=true reports instead of
 * enforcing, for rolling a change out.
 */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const { settings } = c.var.deps;
  const h = c.res.headers;
  h.set(settings.CSP_REPORT_ONLY ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy', CSP);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  // HSTS only where the app is served over HTTPS, or browsers would pin localhost.
  if (settings.APP_ENV === 'production') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
});
