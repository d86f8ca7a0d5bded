/** The billing rounding rule that applies, from stored columns (shared by time entries and invoicing). */
import type { Tx } from '../db/client';
import { timeSettings } from '../db/time-entries';
import type { RoundingRule } from '../domain/rounding';

/** A client's or project's override, or null when it has none. */
export const ruleFrom = (x: { incrementMinutes: number | null; mode: string | null } | null): RoundingRule | null =>
  !x || x.incrementMinutes === null ? null : { incrementMinutes: x.incrementMinutes as RoundingRule['incrementMinutes'], mode: (x.mode ?? 'up') as RoundingRule['mode'] };

export async function companyRule(tx: Tx, companyId: string): Promise<RoundingRule> {
  const s = await timeSettings(tx, companyId);
  return s ? { incrementMinutes: s.roundingIncrementMinutes as RoundingRule['incrementMinutes'], mode: s.roundingMode } : { incrementMinutes: 0, mode: 'up' };
}
