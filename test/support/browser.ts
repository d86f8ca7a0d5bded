/**
 * Headless Debian Chromium through playwright-core (no browser download).
 * Absent Chromium is reported, and the browser tests are skipped with that reason;
 * `.ci/run` installs it so CI always runs them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_DIST } from '../../api/app';
import { startTestEnv } from './harness';
import { listen } from './serve';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export const chromiumPath = CANDIDATES.find((p) => existsSync(p)) ?? null;
export const chromiumMissing = chromiumPath ? null : 'Chromium not installed (apt-get install -y chromium, or set CHROMIUM_PATH)';
if (chromiumMissing) console.warn(`skipping browser tests: ${chromiumMissing}`);

/**
 * A full-page screenshot named `name`, when E2E_SCREENSHOTS names a folder: how a person reviews
 * what the browser tests walk through (`E2E_SCREENSHOTS=/tmp/shots npx vitest run test/e2e`).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A test env serving the built web app on a real port, and a Chromium page
 * pointed at it (dialogs accepted). The app's own URL is the page's origin,
 * so CSRF checks and emailed links line up.
 */
export async function startBrowserEnv(opts: { env?: Record<string, string> } = {}) {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` (npm test does)');
  const env = await startTestEnv({ worker: true, webDist: WEB_DIST, env: opts.env });
  const server = await listen(env);
  env.settings.APP_URL = server.url;
  const browser = await launchChromium();
  const page = await browser.newPage();
  page.on('dialog', (d) => void d.accept());
  return {
    env, page,
    url: (path: string) => `${server.url}${path}`,
    async close() {
      await browser.close();
      await server.close();
      await env.close();
    },
  };
}
