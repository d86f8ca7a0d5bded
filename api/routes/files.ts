/**
 * Private project files. Upload: the API checks permission, type and declared
 * size, records a pending file and answers a presigned POST form; the browser
 * posts the file straight to storage; `complete` confirms it is there and
 * within limits (an over-size object is deleted). Should no one confirm it,
 * the upload-settle workflow started with the form settles it once the form
 * has expired (activities/uploads.ts). Download: permission
 * check, then a redirect to a signed URL that lives PRESIGN_EXPIRE_SECONDS.
 */
import { createRoute } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import { settleUpload } from '../../activities/uploads';
import { getFile, insertFile, listFiles, type FileRow } from '../../db/files';
import { getProject } from '../../db/projects';
import { projectFiles } from '../../db/schema/work';
import { softDelete } from '../../db/soft-delete';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { canonicalContentType, contentTypeAllowed, safeFilename, uploadInboxKey } from '../../domain/files';
import { auditBy } from '../audit';
import { requireCompany } from '../guards';
import { startUploadSettle } from '../uploads';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found'), 409: errorResponse('Not uploaded yet'), 422: errorResponse('Too large') };
const tags = ['files'];
const ProjectParam = z.object({ id: z.string().uuid('Not a valid id.') });
const FileParam = ProjectParam.extend({ fileId: z.string().uuid('Not a valid id.') });
const FileView = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().nullable(), status: z.string(), createdAt: z.string() }).meta({ id: 'ProjectFile' });
const PresignBody = z.object({
  filename: z.string().trim().min(1, 'Name the file.').max(255),
  contentType: z.string().trim().max(200),
  size: z.number({ error: 'Give the file size in bytes.' }).int().positive('The file is empty.'),
}).meta({ id: 'PresignBody' });

const presign = createRoute({ method: 'post', path: '/projects/{id}/files', tags, summary: 'Start an upload: a presigned form for the browser', request: { params: ProjectParam, body: jsonBody(PresignBody) }, responses: { 201: jsonResponse('Pending file and its upload form', z.object({ file: FileView, upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }) })), ...errors } });
const complete = createRoute({ method: 'post', path: '/projects/{id}/files/{fileId}/complete', tags, summary: 'Confirm an upload arrived within limits', request: { params: FileParam }, responses: { 200: jsonResponse('Ready file', FileView), ...errors } });
const list = createRoute({ method: 'get', path: '/projects/{id}/files', tags, summary: 'A project’s files', request: { params: ProjectParam }, responses: { 200: jsonResponse('Files', z.object({ items: z.array(FileView) })), ...errors } });
const download = createRoute({ method: 'get', path: '/projects/{id}/files/{fileId}/download', tags, summary: 'Redirect to a short-lived download URL', request: { params: FileParam }, responses: { 302: { description: 'Redirect to storage' }, ...errors } });
const remove = createRoute({ method: 'delete', path: '/projects/{id}/files/{fileId}', tags, summary: 'Delete a file (restorable; the object stays)', request: { params: FileParam }, responses: { 204: { description: 'Deleted' }, ...errors } });

const view = (f: FileRow) => ({ id: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, status: f.status, createdAt: f.createdAt.toISOString() });
const maxBytes = (mb: number) => mb * 1024 * 1024;

export const fileRoutes = areaApp()
  .openapi(presign, async (c) => {
    const { companyId, userId } = requireCompany(c, 'projects.view');
    const { id } = c.req.valid('param');
    const { contentType: declared, ...body } = c.req.valid('json');
    const contentType = canonicalContentType(declared);
    const { settings, storage, database } = c.var.deps;
    if (!contentTypeAllowed(contentType)) throw AppError.validation({ contentType: 'This kind of file cannot be uploaded.' });
    if (body.size > maxBytes(settings.FILE_MAX_MB)) throw AppError.validation({ size: `Files can be at most ${settings.FILE_MAX_MB} MB.` });
    const limit = Math.min(body.size, maxBytes(settings.FILE_MAX_MB));
    const file = await withTenant(database.db, companyId, async (tx) => {
      if (!(await getProject(tx, companyId, id))) throw AppError.notFound('No such project.');
      const fileId = randomUUID();
      await startUploadSettle(c.var.deps, { companyId, projectId: id, fileId, maxBytes: limit });
      return insertFile(tx, companyId, {
        id: fileId, projectId: id, uploadedBy: userId, filename: body.filename, contentType, declaredBytes: body.size,
        storageKey: `companies/${companyId}/projects/${id}/${fileId}/${safeFilename(body.filename)}`,
      });
    });
    const upload = await storage.presignUpload(uploadInboxKey(companyId, file.id), { contentType, maxBytes: limit, expiresSeconds: settings.PRESIGN_EXPIRE_SECONDS });
    return c.json({ file: view(file), upload }, 201);
  })
  .openapi(complete, async (c) => {
    const { companyId, userId } = requireCompany(c, 'projects.view');
    const { id, fileId } = c.req.valid('param');
    const { storage, database, settings } = c.var.deps;
    const file = await withTenant(database.db, companyId, (tx) => getFile(tx, companyId, id, fileId));
    if (!file) throw AppError.notFound('No such file.');
    const settled = await settleUpload({ db: database.db, storage }, {
      companyId, projectId: id, fileId, maxBytes: Math.min(file.declaredBytes, maxBytes(settings.FILE_MAX_MB)),
    }, auditBy(c, userId));
    if (!settled) throw AppError.notFound('No such file.');
    if (settled.outcome === 'missing') throw new AppError(409, 'NOT_UPLOADED', 'The file has not arrived yet.');
    if (settled.outcome === 'expired') throw new AppError(409, 'UPLOAD_EXPIRED', 'Nothing arrived before the upload form expired; upload the file again.');
    if (settled.outcome === 'too_large') throw new AppError(422, 'FILE_TOO_LARGE', `The file is larger than allowed (${settings.FILE_MAX_MB} MB, or the size declared) and was discarded.`);
    return c.json(view(settled.file), 200);
  })
  .openapi(list, async (c) => {
    const { companyId } = requireCompany(c, 'projects.view');
    const { id } = c.req.valid('param');
    const rows = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      // A deleted project's files stay listed (its page shows them, read-only, until it is restored).
      if (!(await getProject(tx, companyId, id, { includeDeleted: true }))) throw AppError.notFound('No such project.');
      return listFiles(tx, companyId, id);
    });
    return c.json({ items: rows.map(view) }, 200);
  })
  .openapi(download, async (c) => {
    const { companyId } = requireCompany(c, 'projects.view');
    const { id, fileId } = c.req.valid('param');
    const { storage, database, settings } = c.var.deps;
    const file = await withTenant(database.db, companyId, (tx) => getFile(tx, companyId, id, fileId));
    if (!file || file.status !== 'ready') throw AppError.notFound('No such file.');
    return c.redirect(await storage.downloadUrl(file.storageKey, { filename: file.filename, expiresSeconds: settings.PRESIGN_EXPIRE_SECONDS }), 302);
  })
  .openapi(remove, async (c) => {
    const { companyId, userId } = requireCompany(c, 'projects.manage');
    const { id, fileId } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      // A deleted project takes no changes until it is restored.
      if (!(await getProject(tx, companyId, id)) || !(await getFile(tx, companyId, id, fileId))) throw AppError.notFound('No such file.');
      await softDelete(tx, projectFiles, companyId, fileId);
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'file.deleted', objectType: 'project_file', objectId: fileId });
    });
    return c.body(null, 204);
  });
