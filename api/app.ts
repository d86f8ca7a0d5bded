/**
 * The Hono application. Middleware first (deps, request id, access log,
 * CSRF, session), then one sub-app per area. `AppType` is what the web
 * client's `hc<AppType>` is typed against.
 */
import { fileURLToPath } from 'node:url';
import { csrf } from 'hono/csrf';
import type { ApiDeps } from './env';
import { notFound, onError } from './errors';
import { accessLog } from './middleware/access-log';
import { requestId } from './middleware/request-id';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { loadSession } from './sessions';
import { mountWebApp } from './static';
import { areaApp } from './validation';

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export function createApp(deps: ApiDeps, opts: { webDist?: string | null } = {}) {
  const app = areaApp();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestId);
  app.use('*', accessLog);
  // Cookie-authenticated writes: browsers send Origin, and form posts from other sites are refused.
  app.use('/api/*', csrf({ origin: (origin) => origin === deps.settings.APP_URL }));
  app.use('/api/*', loadSession);

  const routes = app
    .route('/', healthRoutes)
    .route('/api/v1/auth', authRoutes)
    .route('/api/v1', meRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'EZ360PM API', version: deps.settings.APP_VERSION ?? 'dev' },
  });
  app.onError(onError);
  app.notFound(notFound);
  if (opts.webDist !== null) mountWebApp(app, opts.webDist ?? WEB_DIST);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
