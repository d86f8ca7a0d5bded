// Applies pending database migrations as the owner (deployments run this before api and worker).
// MIGRATION_DATABASE_URL (else DATABASE_URL) is the owner; APP_DB_PASSWORD lets the app role log in.
import { migrateDatabase } from '../db/migrate';
import { loadSettings } from './lib/settings';

const settings = loadSettings();
const ownerUrl = settings.MIGRATION_DATABASE_URL ?? settings.DATABASE_URL;
if (!ownerUrl) {
  process.stderr.write('Set MIGRATION_DATABASE_URL (or DATABASE_URL) to the database owner\'s URL.\n');
  process.exit(1);
}
await migrateDatabase(ownerUrl, { appRolePassword: settings.APP_DB_PASSWORD });
process.stdout.write('migrations applied\n');
