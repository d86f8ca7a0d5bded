import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Db = PostgresJsDatabase;
/** A transaction handle; every db function takes one (or the Db) first. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export function connect(url: string, options: { max?: number; applicationName?: string } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'ez360pm' },
    // bigint columns hold money in minor units: read them as numbers, never past what a number holds exactly.
    types: { bigint: { to: 20, from: [20], serialize: (v: number) => String(v), parse: parseSafeBigint } },
  });
  return { db: drizzle(sql), sql, close: () => sql.end({ timeout: 5 }) };
}

function parseSafeBigint(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond the safe integer range`);
  return n;
}
