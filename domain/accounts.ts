/** Account types, their normal balance, and the chart every new company starts with. */
export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export function normalBalance(type: AccountType): 'debit' | 'credit' {
  return type === 'asset' || type === 'expense' ? 'debit' : 'credit';
}

/** System roles let posting rules find an account without hard-coding a code the user may renumber. */
export type AccountRole =
  | 'cash' | 'undeposited_funds' | 'accounts_receivable' | 'sales_tax_payable'
  | 'customer_credits' | 'owner_equity' | 'revenue' | 'expenses';

export interface AccountSeed {
  code: string;
  name: string;
  type: AccountType;
  systemRole: AccountRole;
}

export const DEFAULT_CHART: readonly AccountSeed[] = [
  { code: '1000', name: 'Cash', type: 'asset', systemRole: 'cash' },
  { code: '1050', name: 'Undeposited funds', type: 'asset', systemRole: 'undeposited_funds' },
  { code: '1100', name: 'Accounts receivable', type: 'asset', systemRole: 'accounts_receivable' },
  { code: '2100', name: 'Sales tax payable', type: 'liability', systemRole: 'sales_tax_payable' },
  { code: '2200', name: 'Customer credits', type: 'liability', systemRole: 'customer_credits' },
  { code: '3000', name: "Owner's equity", type: 'equity', systemRole: 'owner_equity' },
  { code: '4000', name: 'Revenue', type: 'income', systemRole: 'revenue' },
  { code: '5000', name: 'Expenses', type: 'expense', systemRole: 'expenses' },
];
