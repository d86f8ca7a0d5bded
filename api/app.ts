/**
 * The Hono application. Middleware first (deps, request id, access log,
 * security headers, CSRF, session), then one sub-app per area. `AppType` is what the web
 * client's `hc<AppType>` is typed against.
 */
import { fileURLToPath } from 'node:url';
import type { ApiDeps } from './env';
import { notFound, onError } from './errors';
import { accessLog } from './middleware/access-log';
import { bodyLimits } from './middleware/body-limits';
import { csrf } from './middleware/csrf';
import { requestId } from './middleware/request-id';
import { securityHeaders } from './middleware/security-headers';
import { accountingRoutes } from './routes/accounting';
import { authRoutes } from './routes/auth';
import { clientContactRoutes } from './routes/client-contacts';
import { clientRoutes } from './routes/clients';
import { companyRoutes } from './routes/company';
import { csvRoutes } from './routes/csv';
import { dashboardRoutes } from './routes/dashboard';
import { documentRoutes } from './routes/documents';
import { invoicingRoutes } from './routes/invoicing';
import { invoicingSettingsRoutes } from './routes/invoicing-settings';
import { portalRoutes } from './routes/portal';
import { recurringRoutes } from './routes/recurring';
import { fileRoutes } from './routes/files';
import { healthRoutes } from './routes/health';
import { invitationRoutes } from './routes/invitations';
import { meRoutes } from './routes/me';
import { projectRoutes } from './routes/projects';
import { reportRoutes } from './routes/reports';
import { storageRoutes } from './routes/storage';
import { templateRoutes } from './routes/templates';
import { timeRoutes } from './routes/time';
import { vendorRoutes } from './routes/vendors';
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
  app.use('*', securityHeaders);
  app.use('/api/*', bodyLimits);
  app.use('/api/*', csrf);
  app.use('/api/*', loadSession);

  const routes = app
    .route('/', healthRoutes)
    .route('/api/v1/auth', authRoutes)
    .route('/api/v1', meRoutes)
    .route('/api/v1', companyRoutes)
    .route('/api/v1', templateRoutes)
    .route('/api/v1', invoicingSettingsRoutes)
    .route('/api/v1', invitationRoutes)
    .route('/api/v1', csvRoutes)
    .route('/api/v1', vendorRoutes)
    .route('/api/v1', clientRoutes)
    .route('/api/v1', clientContactRoutes)
    .route('/api/v1', projectRoutes)
    .route('/api/v1', timeRoutes)
    .route('/api/v1', fileRoutes)
    .route('/api/v1', storageRoutes)
    .route('/api/v1', documentRoutes)
    .route('/api/v1', invoicingRoutes)
    .route('/api/v1', portalRoutes)
    .route('/api/v1', recurringRoutes)
    .route('/api/v1', accountingRoutes)
    .route('/api/v1', reportRoutes)
    .route('/api/v1', dashboardRoutes);

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
