import { AppError } from '../domain/errors';

/** Opaque list cursors: the last row's sort key, base64url JSON. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string | undefined, shape: Record<keyof T, 'string' | 'number'>): T | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const [k, type] of Object.entries(shape)) if (typeof value[k] !== type) throw new Error(k);
    return value as T;
  } catch {
    throw AppError.validation({ cursor: 'This cursor is not valid; start from the first page.' });
  }
}

/** Split a `limit + 1` query result into the page and the next cursor. */
export function page<R>(rows: R[], limit: number, keyOf: (row: R) => Record<string, string | number>) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}
