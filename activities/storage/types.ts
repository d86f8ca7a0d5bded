/**
 * Private file storage. The browser uploads straight to storage with a
 * presigned POST form; downloads go through a permission check in the API
 * that redirects to a short-lived signed URL. Two implementations with the
 * same flow: S3 (any S3-compatible store) and local disk (the embedded default).
 */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

export interface StoredObject {
  size: number;
  contentType: string | null;
}

export interface Storage {
  readonly kind: 's3' | 'local';
  /** A form the browser posts the file to; the store refuses other keys, types and sizes over `maxBytes`. */
  presignUpload(key: string, opts: { contentType: string; maxBytes: number; expiresSeconds: number }): Promise<UploadForm>;
  /** What is stored under `key`, or null. */
  head(key: string): Promise<StoredObject | null>;
  /** A URL that serves the object for `expiresSeconds`, as an attachment named `filename`. */
  downloadUrl(key: string, opts: { filename: string; expiresSeconds: number }): Promise<string>;
  /** Server-side writes (PDFs the worker renders), and reads (attachments the mailer sends). */
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** The object under `from` now under `to` (type kept), and `from` gone. */
  move(from: string, to: string): Promise<void>;
  /** Throws when the store cannot be reached (health checks). */
  check(): Promise<void>;
}
