/**
 * Structured JSON logs, one object per line. The request id travels in
 * AsyncLocalStorage, so every line written while handling a request carries
 * it, even from code that never saw the Hono context.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const logContext = new AsyncLocalStorage<{ requestId: string }>();

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(opts: { level: LogLevel; service: string; write?: (line: string) => void }): Logger {
  const write = opts.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const emit = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[opts.level]) return;
    const requestId = logContext.getStore()?.requestId;
    write(JSON.stringify({ time: new Date().toISOString(), level, service: opts.service, msg, ...(requestId && { requestId }), ...fields }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/**
 * A request path as logs may keep it: a token in it (an invitation's or a client portal's link, our
 * `newToken`s: 43 base64url characters) would let whoever reads the logs use it, so it is masked.
 */
export function loggedPath(path: string): string {
  return path.replace(/(?<=\/)[A-Za-z0-9_-]{40,}(?=\/|$)/g, '[token]');
}

/** Error details for logs only; never sent to clients. */
export function errorFields(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { err: { name: err.name, message: err.message, stack: err.stack } } : { err: String(err) };
}
