/** Serves the built web app; any other GET outside /api falls back to index.html for client-side routes. */
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';

export function mountWebApp(app: OpenAPIHono<AppEnv>, distDir: string): void {
  if (!existsSync(join(distDir, 'index.html'))) return;
  app.use('/assets/*', serveStatic({ root: distDir }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic<AppEnv>({ root: distDir, path: 'index.html' })(c, next);
  });
}
