/**
 * The platform's plans (PRODUCT.md §K) and the one place that decides seats
 * and features. Until billing exists every company is on a Professional trial.
 */
export const PLAN_KEYS = ['starter', 'professional', 'premium'] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export interface Plan {
  key: PlanKey;
  name: string;
  includedSeats: number;
  monthlyCents: number;
  yearlyCents: number;
}

export const PLANS: Record<PlanKey, Plan> = {
  starter: { key: 'starter', name: 'Starter', includedSeats: 1, monthlyCents: 1900, yearlyCents: 19000 },
  professional: { key: 'professional', name: 'Professional', includedSeats: 5, monthlyCents: 4900, yearlyCents: 49000 },
  premium: { key: 'premium', name: 'Premium', includedSeats: 10, monthlyCents: 9900, yearlyCents: 99000 },
};

export const TRIAL_PLAN: PlanKey = 'professional';
export const TRIAL_DAYS = 14;

export function seatLimit(plan: PlanKey, extraSeats: number): number {
  return PLANS[plan].includedSeats + extraSeats;
}

/** Seats count members plus pending invitations, so invitations cannot oversubscribe. */
export function seatProblem(input: { plan: PlanKey; extraSeats: number; members: number; pendingInvitations: number }): string | null {
  const limit = seatLimit(input.plan, input.extraSeats);
  if (input.members + input.pendingInvitations < limit) return null;
  const plan = PLANS[input.plan];
  return `All ${limit} seats are taken (${plan.name} includes ${plan.includedSeats}` +
    `${input.extraSeats ? ` plus ${input.extraSeats} extra` : ''}; ${input.members} members and ${input.pendingInvitations} pending invitations). ` +
    'Add seats or revoke an invitation first.';
}
