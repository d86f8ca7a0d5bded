import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import { connect } from './client';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** Apply every pending migration. Safe to call concurrently: drizzle takes no lock, so we do. */
export async function migrateDatabase(url: string): Promise<void> {
  const { db, sql, close } = connect(url, { max: 1, applicationName: 'ez360pm-migrate' });
  try {
    await sql`select pg_advisory_lock(360360)`;
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await sql`select pg_advisory_unlock(360360)`.catch(() => {});
    await close();
  }
}
