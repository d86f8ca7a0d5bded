/**
 * Settling a project file's upload: is the object in storage, and within what its form allowed?
 * Asked by the API's `complete` (the browser says the upload is done) and, once the form has
 * expired, by the upload-settle workflow (workflows/upload-settle.ts), so an upload nobody confirmed
 * — the tab closed as it finished, or it never started — does not stay pending for ever. Whoever
 * settles a file first settles it; the other finds it settled.
 *
 * The form writes to the file's inbox key (domain/files.ts#uploadInboxKey); settling moves what
 * arrived to the file's own key. The form stays usable until it expires, so a second post only ever
 * lands in the inbox, which the workflow empties once the form has expired.
 */
import type { Db } from '../db/client';
import { recordAudit, type AuditEvent } from '../db/audit';
import { getFile, settleFile, type FileRow } from '../db/files';
import { withTenant } from '../db/tenant';
import { uploadInboxKey } from '../domain/files';
import type { Storage, StoredObject } from './storage/types';

export type UploadOutcome =
  /** In storage and within limits: listed and downloadable. */
  | 'ready'
  /** Larger than allowed: the object was deleted and the file rejected. */
  | 'too_large'
  /** Not in storage (yet): left pending, unless `final`. */
  | 'missing'
  /** Not in storage when its form had expired: rejected, as nothing can arrive now. */
  | 'expired';

export interface UploadFacts {
  companyId: string;
  projectId: string;
  fileId: string;
  /** The most the object may hold: the size declared, capped by FILE_MAX_MB. */
  maxBytes: number;
}

/** What became of a file already settled (a rejected one has a size only when it was too large). */
const settledOutcome = (f: FileRow): UploadOutcome => (f.status === 'ready' ? 'ready' : f.sizeBytes === null ? 'expired' : 'too_large');

/** `actor` is who settles: a request's person, or (the workflow, on their behalf) `'uploader'`. */
export async function settleUpload(
  deps: { db: Db; storage: Storage }, facts: UploadFacts, actor: Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'> | 'uploader', opts: { final?: boolean } = {},
): Promise<{ outcome: UploadOutcome; file: FileRow } | null> {
  const { companyId, projectId, fileId } = facts;
  // One settling at a time per file, under its row lock, storage moves included: a second caller
  // (the browser's `complete` twice, or it and the workflow) waits, then finds the file settled, and
  // never moves a later post of the form over a file already made ready.
  return withTenant(deps.db, companyId, async (tx) => {
    const file = await getFile(tx, companyId, projectId, fileId, { includeDeleted: true, lock: true });
    if (!file) return null;
    if (file.status !== 'pending') return { outcome: settledOutcome(file), file };
    // A pending file deleted before it was settled is not made ready: what arrived goes.
    const stored = file.deletedAt ? null : await arrived(deps.storage, file, facts.maxBytes);
    if (!stored && !opts.final && !file.deletedAt) return { outcome: 'missing', file };
    const tooBig = !!stored && stored.size > facts.maxBytes;
    if (tooBig || file.deletedAt) await Promise.all([deps.storage.delete(file.storageKey), deps.storage.delete(uploadInboxKey(companyId, fileId))]);
    const outcome: UploadOutcome = !stored ? 'expired' : tooBig ? 'too_large' : 'ready';
    const settled = await settleFile(tx, companyId, fileId, { status: outcome === 'ready' ? 'ready' : 'rejected', sizeBytes: stored?.size ?? null });
    if (outcome === 'ready') {
      const by = actor === 'uploader' ? { actorUserId: file.uploadedBy } : actor;
      await recordAudit(tx, { companyId, ...by, action: 'file.uploaded', objectType: 'project_file', objectId: fileId, after: { filename: file.filename, size: stored!.size } });
    }
    return { outcome, file: settled };
  });
}

/**
 * What arrived for a pending file, now under the file's own key: moved there from the inbox, unless
 * an earlier attempt moved it already (and then failed to record it), or it is too large (deleted).
 * Files whose form pointed at their own key, from before the inbox, are found there too.
 */
async function arrived(storage: Storage, file: FileRow, maxBytes: number): Promise<StoredObject | null> {
  const inbox = uploadInboxKey(file.companyId, file.id);
  const there = await storage.head(inbox);
  if (!there) return storage.head(file.storageKey);
  // Real S3 enforces the form's size policy; check anyway, so every store is held to it.
  if (there.size > maxBytes) {
    await storage.delete(inbox);
    return there;
  }
  await storage.move(inbox, file.storageKey);
  return there;
}

export function createUploadActivities(deps: { db: Db; storage: Storage }) {
  return {
    /** The form has expired: settle the file for good, on behalf of whoever uploaded it. */
    async settleExpiredUpload(facts: UploadFacts): Promise<UploadOutcome | 'gone'> {
      const result = await settleUpload(deps, facts, 'uploader', { final: true });
      // The form has expired: whatever a later post left in the inbox goes.
      await deps.storage.delete(uploadInboxKey(facts.companyId, facts.fileId));
      return result?.outcome ?? 'gone';
    },
  };
}

export type UploadActivities = ReturnType<typeof createUploadActivities>;
