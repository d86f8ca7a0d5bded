/**
 * Billing rounding for time. Raw durations are never changed: rounding is
 * applied when time is billed, and shown beside the raw time. A company sets
 * the default; a client or project may override it (project wins).
 */
export const ROUNDING_INCREMENTS = [0, 6, 15, 30] as const;
export type RoundingIncrement = (typeof ROUNDING_INCREMENTS)[number];
export const ROUNDING_MODES = ['up', 'nearest'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export interface RoundingRule {
  incrementMinutes: RoundingIncrement;
  mode: RoundingMode;
}

/**
 * Seconds to bill for `seconds` of work. `up`: any part of an increment bills
 * the whole increment. `nearest`: half an increment or more rounds up (so
 * 7:30 of a 15-minute increment is 15:00, 7:29 is 0).
 */
export function billedSeconds(seconds: number, rule: RoundingRule): number {
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`duration must be whole non-negative seconds, got ${seconds}`);
  if (rule.incrementMinutes === 0) return seconds;
  const step = rule.incrementMinutes * 60;
  const whole = Math.floor(seconds / step);
  const rest = seconds - whole * step;
  if (rest === 0) return seconds;
  const up = rule.mode === 'up' || rest * 2 >= step;
  return (whole + (up ? 1 : 0)) * step;
}

/** An override may set the increment, the mode, or both; what it leaves unset comes from the level above. */
export type RoundingOverride = Partial<RoundingRule> | null | undefined;

/** The rule that applies, part by part: the project's, else the client's, else the company's. */
export function effectiveRule(company: RoundingRule, client?: RoundingOverride, project?: RoundingOverride): RoundingRule {
  return {
    incrementMinutes: project?.incrementMinutes ?? client?.incrementMinutes ?? company.incrementMinutes,
    mode: project?.mode ?? client?.mode ?? company.mode,
  };
}
