/** The local-disk store's upload and download endpoints (S3 serves these itself). Authorised by HMAC signatures, not sessions. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { LocalStorage } from '../../activities/storage/local';
import { AppError } from '../../domain/errors';
import { errorResponse } from '../schemas/common';
import { areaApp } from '../validation';
import type { Context } from 'hono';
import type { AppEnv } from '../env';

const tags = ['files'];
const upload = createRoute({ method: 'post', path: '/storage/upload', tags, summary: 'Local-disk stand-in for S3 POST uploads (multipart form from a presigned policy)', responses: { 204: { description: 'Stored' }, 400: errorResponse('Bad form'), 403: errorResponse('Bad or expired policy'), 404: errorResponse('Not local storage') } });
const download = createRoute({
  method: 'get', path: '/storage/download', tags, summary: 'Local-disk stand-in for S3 signed GETs',
  request: { query: z.object({ key: z.string(), filename: z.string(), expires: z.string(), signature: z.string() }) },
  responses: { 200: { description: 'The file' }, 403: errorResponse('Bad or expired signature'), 404: errorResponse('Not local storage') },
});

function local(c: Context<AppEnv>): LocalStorage {
  const storage = c.var.deps.storage;
  if (storage.kind !== 'local') throw AppError.notFound('Files are not stored locally.');
  return storage as LocalStorage;
}

export const storageRoutes = areaApp()
  .openapi(upload, async (c) => {
    const store = local(c);
    const form = await c.req.parseBody();
    const policy = store.readPolicy(String(form.policy ?? ''), String(form.signature ?? ''));
    if (!policy || policy.key !== form.key || policy.contentType !== form['Content-Type']) throw AppError.forbidden('This upload form is not valid or has expired.', 'BAD_POLICY');
    const file = form.file;
    if (!(file instanceof File)) throw AppError.validation({ file: 'Attach one file.' });
    if (file.size < 1 || file.size > policy.maxBytes) throw new AppError(400, 'ENTITY_TOO_LARGE', 'The file is larger than the upload allows.');
    await store.put(policy.key, new Uint8Array(await file.arrayBuffer()), policy.contentType);
    return c.body(null, 204);
  })
  .openapi(download, async (c) => {
    const q = c.req.valid('query');
    const found = await local(c).readSigned(q.key, q.expires, q.signature);
    if (!found) throw AppError.forbidden('This download link is not valid or has expired.', 'BAD_SIGNATURE');
    return c.body(new Uint8Array(found.data), 200, {
      'content-type': found.contentType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(q.filename)}`,
    });
  });
