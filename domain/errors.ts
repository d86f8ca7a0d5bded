/**
 * The one error type the application raises on purpose. The API maps it to
 * `{ error: { code, message, fields } }` with `status`; anything else becomes
 * an opaque 500 so internals never leak.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(fields: Record<string, string>, message = 'Some fields need attention.') {
    return new AppError(400, 'VALIDATION_FAILED', message, fields);
  }
}
