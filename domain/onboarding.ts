/**
 * What a new company is provisioned with, and how onboarding progress is
 * described. The onboarding workflow provisions these in order; each step is
 * idempotent, and progress is computed from the rows that exist, so it stays
 * true however the data got there.
 */
export type DocumentKind = 'estimate' | 'proposal' | 'invoice' | 'credit_note';

export interface TemplateSeed {
  kind: DocumentKind;
  name: string;
  /** Text printed on the document unless the user changes it. */
  notes: string;
  terms: string;
}

export const DEFAULT_TEMPLATES: readonly TemplateSeed[] = [
  { kind: 'estimate', name: 'Default', notes: 'Thank you for the opportunity.', terms: 'This estimate is valid until the date shown.' },
  { kind: 'proposal', name: 'Default', notes: 'We look forward to working with you.', terms: 'This proposal is valid until the date shown.' },
  { kind: 'invoice', name: 'Default', notes: 'Thank you for your business.', terms: 'Payment is due by the date shown.' },
  { kind: 'credit_note', name: 'Default', notes: '', terms: '' },
];

export interface FinancialDefaults {
  invoiceDueDays: number;
  estimateValidDays: number;
  /** Guidance shown beside tax fields only; tax is always entered explicitly on a line. */
  salesTaxGuidanceBps: number;
  defaultTaxable: boolean;
  currency: string;
  timeZone: string;
}

export const DEFAULT_FINANCIALS: FinancialDefaults = {
  invoiceDueDays: 30,
  estimateValidDays: 30,
  salesTaxGuidanceBps: 0,
  defaultTaxable: false,
  currency: 'USD',
  timeZone: 'America/New_York',
};

export const ONBOARDING_STEPS = [
  { key: 'numbering', label: 'Numbering schemes' },
  { key: 'accounts', label: 'Chart of accounts' },
  { key: 'templates', label: 'Document templates' },
  { key: 'financials', label: 'Financial defaults' },
] as const;
export type OnboardingStepKey = (typeof ONBOARDING_STEPS)[number]['key'];

export type OnboardingStatus = 'pending' | 'running' | 'complete' | 'failed';

export function onboardingProgress(done: Record<OnboardingStepKey, boolean>) {
  return ONBOARDING_STEPS.map((s) => ({ key: s.key, label: s.label, done: done[s.key] }));
}

/** The workflow id is the business key: one onboarding per company, ever. */
export function onboardingWorkflowId(companyId: string): string {
  return `onboarding-${companyId}`;
}
