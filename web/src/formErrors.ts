import { ApiError } from './api';

export interface FormErrors<F extends string> {
  /** Messages for fields the form actually shows, keyed by field name. */
  fields: Partial<Record<F, string>>;
  /** Message to show above the form, if any. */
  general?: string;
}

/**
 * Split a thrown error into per-field messages (for fields the form renders)
 * and a general message. The general message is only shown when no visible
 * field carries an error, so a validation failure doesn't say things twice.
 */
export function toFormErrors<F extends string>(err: unknown, knownFields: readonly F[]): FormErrors<F> {
  if (!(err instanceof ApiError)) {
    return { fields: {}, general: 'Something unexpected happened. Please try again.' };
  }
  const fields: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const [name, message] of Object.entries(err.fields)) {
    if ((knownFields as readonly string[]).includes(name)) fields[name as F] = message;
    else others.push(message);
  }
  // The server may put one message on several names (e.g. password and currentPassword); say it once.
  const shown = new Set<string>(Object.values(fields));
  const unknown = [...new Set(others)].filter((message) => !shown.has(message));
  const hasKnown = Object.keys(fields).length > 0;
  const general = unknown.length > 0 ? unknown.join(' ') : hasKnown ? undefined : err.message;
  return { fields, general };
}

/** Move focus to the first field (in form order) that has an error. */
export function focusFirstInvalid<F extends string>(order: readonly F[], fields: Partial<Record<F, string>>, idPrefix: string) {
  const first = order.find((name) => fields[name]);
  if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
}

/**
 * Await a request, renaming the field keys of an ApiError it throws so a form can
 * place them: e.g. "address.line1" → "line1", "tags.2" → "tags". First message wins.
 */
export async function renameFieldErrors<T>(request: Promise<T>, rename: (serverName: string) => string): Promise<T> {
  try {
    return await request;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const fields: Record<string, string> = {};
    for (const [name, message] of Object.entries(err.fields)) fields[rename(name)] ??= message;
    throw new ApiError(err.status, err.code, err.message, fields);
  }
}

/** A client-side check failed: throw it the way the server would, so createForm shows it under the field. */
export function invalidFields(fields: Record<string, string>): never {
  throw new ApiError(400, 'VALIDATION', 'Check the highlighted fields.', fields);
}
