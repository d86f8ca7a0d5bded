/** What may be uploaded, and how stored names are made safe. Pure. */
export const ALLOWED_CONTENT_TYPES = [
  'application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain', 'text/csv',
  'application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

export function contentTypeAllowed(type: string): boolean {
  return (ALLOWED_CONTENT_TYPES as readonly string[]).includes(type);
}

/** A filename safe inside a storage key: no paths, no control characters, at most 120 characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFKC').replace(/[^\w.\- ()]+/g, '_').replace(/^\.+/, '').trim().slice(-120);
  return clean || 'file';
}
