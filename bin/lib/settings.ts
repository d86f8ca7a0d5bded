import { readFileSync } from 'node:fs';
import { parseSettings, SettingsError, type Settings } from '../../domain/settings';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Settings from the environment; a bad value stops the process with a message naming the variable. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  try {
    // An image built without APP_VERSION passes it empty: the package's version stands then too.
    return parseSettings({ ...env, APP_VERSION: env.APP_VERSION || pkg.version });
  } catch (err) {
    if (err instanceof SettingsError) {
      process.stderr.write(`\n${err.message}\nSee docs/env.md for every variable and its default.\n\n`);
      process.exit(1);
    }
    throw err;
  }
}

export function requireDatabaseUrl(settings: Settings): string {
  if (settings.DATABASE_URL) return settings.DATABASE_URL;
  process.stderr.write('DATABASE_URL is not set. `npm start` provides an embedded database; run this process on its own only with DATABASE_URL.\n');
  process.exit(1);
}
