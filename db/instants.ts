import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A timestamp as ISO 8601 text to the microsecond, for list cursors. PostgreSQL keeps microseconds and
 * a JS Date milliseconds: a cursor made from the Date would sort before rows in the same millisecond
 * and the next page would skip them.
 */
export const exactInstant = (at: PgColumn | SQL) => sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
