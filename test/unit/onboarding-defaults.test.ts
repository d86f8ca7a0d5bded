import { describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES, DEFAULT_CHART, normalBalance } from '../../domain/accounts';
import { DEFAULT_FINANCIALS, DEFAULT_TEMPLATES, ONBOARDING_STEPS, onboardingProgress, onboardingWorkflowId } from '../../domain/onboarding';
import { roleAtLeast, ROLES } from '../../domain/roles';

describe('what onboarding provisions', () => {
  it('a minimal chart with unique codes and one account per system role, covering every type', () => {
    expect(new Set(DEFAULT_CHART.map((a) => a.code)).size).toBe(DEFAULT_CHART.length);
    expect(new Set(DEFAULT_CHART.map((a) => a.systemRole)).size).toBe(DEFAULT_CHART.length);
    expect(new Set(DEFAULT_CHART.map((a) => a.type))).toEqual(new Set(ACCOUNT_TYPES));
    expect(DEFAULT_CHART.find((a) => a.systemRole === 'accounts_receivable')).toMatchObject({ code: '1100', type: 'asset' });
  });

  it('normal balances follow the accounting equation', () => {
    expect(ACCOUNT_TYPES.map((t) => [t, normalBalance(t)])).toEqual([
      ['asset', 'debit'], ['liability', 'credit'], ['equity', 'credit'], ['income', 'credit'], ['expense', 'debit'],
    ]);
  });

  it('one default template per document kind', () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.kind).sort()).toEqual(['credit_note', 'estimate', 'invoice', 'proposal']);
  });

  it('financial defaults: 30-day terms, tax as guidance only, not taxable by default', () => {
    expect(DEFAULT_FINANCIALS).toMatchObject({ invoiceDueDays: 30, estimateValidDays: 30, salesTaxGuidanceBps: 0, defaultTaxable: false, currency: 'USD' });
  });

  it('progress lists every step in order', () => {
    const done = { numbering: true, accounts: true, templates: false, financials: false };
    expect(onboardingProgress(done).map((s) => [s.key, s.done])).toEqual([
      ['numbering', true], ['accounts', true], ['templates', false], ['financials', false],
    ]);
    expect(ONBOARDING_STEPS).toHaveLength(4);
  });

  it('the workflow id is the company', () => {
    expect(onboardingWorkflowId('c1')).toBe('onboarding-c1');
  });

  it('roles rank owner > admin > manager > staff', () => {
    expect(ROLES.filter((r) => roleAtLeast(r, 'manager'))).toEqual(['owner', 'admin', 'manager']);
    expect(roleAtLeast('staff', 'admin')).toBe(false);
  });
});
