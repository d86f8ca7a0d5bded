/**
 * The one error type the application raises on purpose. The API maps it to
 * `{ error: { code, message, fields } }` with `status`; anything else becomes
 * an opaque 500 so internals never leak.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 500 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** For 429s: when to try again; the API sends it as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static tooMany(code: string, message: string, retryAfterSeconds: number) {
    return new AppError(429, code, message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
  }

  static forbidden(message = 'Your role does not allow this.', code = 'FORBIDDEN') {
    return new AppError(403, code, message);
  }

  static notFound(message = 'Not found.') {
    return new AppError(404, 'NOT_FOUND', message);
  }

  static validation(fields: Record<string, string>, message = 'Some fields need attention.') {
    return new AppError(400, 'VALIDATION_FAILED', message, fields);
  }
}
