import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import { connect } from './client';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** The role the application connects as (created by migration 0003): owns nothing, cannot bypass RLS. */
export const APP_ROLE = 'ez360pm_app';

/**
 * Apply every pending migration as the database owner (`ownerUrl`), under an
 * advisory lock so concurrent starts take turns. With `appRolePassword`, the
 * app role may log in with that password afterwards.
 */
export async function migrateDatabase(ownerUrl: string, opts: { appRolePassword?: string } = {}): Promise<void> {
  const { db, sql, close } = connect(ownerUrl, { max: 1, applicationName: 'ez360pm-migrate' });
  try {
    await sql`select pg_advisory_lock(360360)`;
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    if (opts.appRolePassword) {
      // Role DDL takes no bind parameters; quote the literal the server's way.
      const [row] = await sql<{ q: string }[]>`select quote_literal(${opts.appRolePassword}) as q`;
      await sql.unsafe(`alter role ${APP_ROLE} login password ${row!.q}`);
    }
  } finally {
    await sql`select pg_advisory_unlock(360360)`.catch(() => {});
    await close();
  }
}

/** The owner's URL with the app role's credentials in place of the owner's. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
