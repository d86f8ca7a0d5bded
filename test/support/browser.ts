/**
 * Headless Debian Chromium through playwright-core (no browser download).
 * Absent Chromium is reported, and the browser tests are skipped with that reason;
 * `.ci/run` installs it so CI always runs them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export const chromiumPath = CANDIDATES.find((p) => existsSync(p)) ?? null;
export const chromiumMissing = chromiumPath ? null : 'Chromium not installed (apt-get install -y chromium, or set CHROMIUM_PATH)';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
