/**
 * Temporal calls a request makes with a deadline: mostly starts after its own work has committed,
 * which it can answer without. With Temporal unreachable the client retries for about 20 s before it
 * gives up; a signup or an invitation would hang that long (and a browser that gives up first invites
 * the user to try again into "email already registered"). Bounded, the request answers in a few
 * seconds and what was not started is started later by whoever owns it (see the callers).
 */
import type { Client } from '@temporalio/client';

export const BOUNDED_CALL_MS = 3000;

export function bounded<T>(temporal: Client, call: () => Promise<T>, ms = BOUNDED_CALL_MS): Promise<T> {
  return temporal.connection.withDeadline(Date.now() + ms, call);
}
