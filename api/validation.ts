import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { AppError } from '../domain/errors';
import type { AppEnv } from './env';

/** Zod issues → `{ field: message }`, first message per field, dotted paths for nested fields. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

const isEmptyChange = (data: unknown) =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && Object.values(data).every((v) => v === undefined);

/** Every area's sub-app is built here so all share the same validation error shape. */
export function areaApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw AppError.validation(fieldErrors(result.error));
      // A change that names nothing the route takes (unknown fields are dropped) is refused here,
      // rather than run as an UPDATE with nothing to set.
      if (result.target === 'json' && c.req.method === 'PATCH' && isEmptyChange(result.data)) {
        throw AppError.validation({ _: 'Nothing to change: send at least one field to update.' });
      }
    },
  });
}
