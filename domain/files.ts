/** What may be uploaded, and how stored names are made safe. Pure. */
export const ALLOWED_CONTENT_TYPES = [
  'application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain', 'text/csv',
  'application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

/**
 * Other names browsers give the same kinds: Windows reads a file's type from its registry, where a
 * ZIP is often `application/x-zip-compressed` and, with Excel installed, a CSV `application/vnd.ms-excel`.
 */
const ALIASES: Record<string, (typeof ALLOWED_CONTENT_TYPES)[number]> = {
  'application/x-zip-compressed': 'application/zip', 'application/x-zip': 'application/zip', 'multipart/x-zip': 'application/zip',
  'application/vnd.ms-excel': 'text/csv', 'application/csv': 'text/csv', 'text/x-csv': 'text/csv', 'text/comma-separated-values': 'text/csv',
  'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf',
};

/** The type a file is stored and served as: the standard name for an alias, lower-cased, without parameters. */
export function canonicalContentType(type: string): string {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

export function contentTypeAllowed(type: string): boolean {
  return (ALLOWED_CONTENT_TYPES as readonly string[]).includes(canonicalContentType(type));
}

/** A filename safe inside a storage key: no paths, no control characters, at most 120 characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFKC').replace(/[^\w.\- ()]+/g, '_').replace(/^\.+/, '').trim().slice(-120);
  return clean || 'file';
}

/**
 * Where a file's upload form puts it: not the file's own key. Settling moves what arrived there to
 * the file's key, so the form — usable until it expires — can never change a file once it is ready.
 * One prefix for every company's inbox, so a single storage lifecycle rule can expire leftovers.
 */
export const uploadInboxKey = (companyId: string, fileId: string) => `uploads/${companyId}/${fileId}`;

/** The upload-settle workflow's id: one per file (workflows/upload-settle.ts). */
export const uploadWorkflowId = (fileId: string) => `upload-${fileId}`;

/**
 * How long after handing out an upload form its file is settled for good: the form's lifetime, then
 * room for a post that began just before the form expired to finish — ten minutes, and a second
 * more per MiB the form allows (a slow link's 1 MiB/s).
 */
export const uploadSettleAfterMs = (formExpiresSeconds: number, maxBytes: number) =>
  (formExpiresSeconds + 600 + Math.ceil(maxBytes / (1024 * 1024))) * 1000;
