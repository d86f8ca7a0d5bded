// Applies pending database migrations (deployments run this before api and worker).
import { migrateDatabase } from '../db/migrate';
import { loadSettings, requireDatabaseUrl } from './lib/settings';

await migrateDatabase(requireDatabaseUrl(loadSettings()));
process.stdout.write('migrations applied\n');
