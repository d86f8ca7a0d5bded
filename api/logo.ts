/** The company's logo as a response, for the settings page and the client portal alike. */
import type { Context } from 'hono';
import { AppError } from '../domain/errors';
import { imageType } from '../domain/images';
import type { AppEnv } from './env';

/** The image stored under `key`, typed by its bytes (they were checked to be PNG or JPEG when uploaded); 404 when there is none. */
export async function logoResponse(c: Context<AppEnv>, key: string | null, cacheControl: string) {
  const bytes = key ? await c.var.deps.storage.get(key) : null;
  if (!bytes) throw AppError.notFound('No logo.');
  return c.body(Buffer.from(bytes), 200, { 'Content-Type': imageType(bytes) ?? 'application/octet-stream', 'Cache-Control': cacheControl });
}
