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
  return { db: drizzle(preparing(sql)), sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * The driver's own handle on a drizzle transaction (drizzle keeps it on the transaction's session),
 * for a statement whose text never changes on a hot path: sent prepared, with no query building.
 */
export const driverOf = (tx: Tx) => (tx as unknown as { session: { client: postgres.TransactionSql } }).session.client;

/**
 * Send statements on one transaction's connection together — one round trip — and in the order
 * given: each is handed to the driver now, in turn, and the driver keeps a connection's statements
 * in the order it was handed them. (Awaiting a drizzle builder hands it over some microtasks
 * later, so a statement sent another way can overtake it; a later statement that depends on an
 * earlier one — a lock, a row it reads — goes through here.) Results come back in the same order.
 */
export function inOrder<const Q extends readonly { execute(): Promise<unknown> }[]>(...queries: Q): Promise<{ -readonly [K in keyof Q]: Awaited<ReturnType<Q[K]['execute']>> }> {
  return Promise.all(queries.map((q) => q.execute())) as never;
}

/**
 * Statements with more parameters than this are bulk writes (an import, a seed) whose text changes
 * with their row count; preparing them would only grow each connection's statement cache.
 */
const PREPARE_MAX_PARAMETERS = 64;

/**
 * Drizzle sends every statement it was not asked to name as an unnamed one, and postgres.js sends an
 * unnamed statement with parameters as Parse/Describe, waits for the parameter types, then Bind/Execute:
 * two round trips per query and a fresh parse and plan each time. A named (prepared) statement pays
 * that once per connection, then costs one round trip with the parse kept. This hands drizzle a client
 * that prepares what it sends — postgres.js's own default for its tagged templates — in transactions
 * and savepoints too.
 */
function preparing<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  const wrapCallback = (args: unknown[]) => args.map((a) => (typeof a === 'function' ? (tx: postgres.TransactionSql) => (a as (tx: postgres.TransactionSql) => unknown)(preparing(tx)) : a));
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'unsafe') {
        return (query: string, params: unknown[] = [], opts: postgres.UnsafeQueryOptions = {}) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...opts, prepare: params.length <= PREPARE_MAX_PARAMETERS });
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const fn = Reflect.get(target, prop, target) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => fn.apply(target, wrapCallback(args));
      }
      return Reflect.get(target, prop, target);
    },
  });
}

function parseSafeBigint(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond the safe integer range`);
  return n;
}
