/**
 * Progressive lockout after failed logins: the first few failures are free,
 * then each further failure locks the account for twice as long as the last
 * (1 min, 2, 4, … capped at 1 hour). A successful login resets the count.
 */
export const FREE_FAILURES = 5;
export const FIRST_LOCK_SECONDS = 60;
export const MAX_LOCK_SECONDS = 3600;

/** How long to lock after the `failures`-th consecutive failure (0 = no lock). */
export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const doublings = failures - FREE_FAILURES;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(doublings, 12));
}
