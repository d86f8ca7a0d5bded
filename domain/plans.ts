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

/** Features a plan unlocks, each naming the cheapest plan that has it (PRODUCT.md §K). */
export const FEATURE_PLANS = {
  /** The books: chart of accounts, journal, periods and financial reports (PRODUCT.md §H). */
  accounting: 'professional',
} as const satisfies Record<string, PlanKey>;
export type Feature = keyof typeof FEATURE_PLANS;

const PLAN_RANK: Record<PlanKey, number> = { starter: 1, professional: 2, premium: 3 };

export function planAtLeast(plan: PlanKey, min: PlanKey): boolean {
  return PLAN_RANK[plan] >= PLAN_RANK[min];
}

/** The one answer to "may this plan use that feature?"; the API enforces it and the UI explains it. */
export function planAllows(plan: PlanKey, feature: Feature): boolean {
  return planAtLeast(plan, FEATURE_PLANS[feature]);
}

/** Why a plan may not use a feature, for the refusal people read; null when it may. */
export function featureProblem(plan: PlanKey, feature: Feature): string | null {
  if (planAllows(plan, feature)) return null;
  return `This needs the ${PLANS[FEATURE_PLANS[feature]].name} plan or higher; you are on ${PLANS[plan].name}.`;
}

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
