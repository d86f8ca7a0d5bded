/** The billing rounding rule that applies, from stored columns (shared by time entries and invoicing). */
import type { Tx } from '../db/client';
import { timeSettings } from '../db/time-entries';
import type { RoundingOverride, RoundingRule } from '../domain/rounding';

/** A client's or project's override — increment, mode, or both — or null when it has neither. */
export const ruleFrom = (x: { incrementMinutes: number | null; mode: string | null } | null): RoundingOverride => (!x ? null : {
  ...(x.incrementMinutes !== null && { incrementMinutes: x.incrementMinutes as RoundingRule['incrementMinutes'] }),
  ...(x.mode !== null && { mode: x.mode as RoundingRule['mode'] }),
});

export async function companyRule(tx: Tx, companyId: string): Promise<RoundingRule> {
  const s = await timeSettings(tx, companyId);
  return s ? { incrementMinutes: s.roundingIncrementMinutes as RoundingRule['incrementMinutes'], mode: s.roundingMode } : { incrementMinutes: 0, mode: 'up' };
}
