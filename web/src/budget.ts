// How much of a project's budget is used: hours from usedMinutes, and for hourly
// projects an amount at the project's rate.
import { minutesToHours } from './duration';
import { formatCents } from './money';
import type { Project } from './workApi';

export interface BudgetUse {
  /** "12.5 of 40 h · $1,875.00 of $6,000.00", or "3 h used" with no budget. */
  text: string;
  /** For a <progress>: used and budget in one unit (minutes, else cents). */
  value?: number;
  max?: number;
  over: boolean;
}

type BudgetFields = Pick<Project, 'usedMinutes' | 'budgetMinutes' | 'budgetCents' | 'billingType' | 'hourlyRateCents' | 'currency'>;

export function budgetUse(p: BudgetFields): BudgetUse {
  const used = p.usedMinutes ?? 0;
  const parts: string[] = [];
  let value: number | undefined;
  let max: number | undefined;
  if (p.budgetMinutes) {
    parts.push(`${minutesToHours(used)} of ${minutesToHours(p.budgetMinutes)} h`);
    value = used;
    max = p.budgetMinutes;
  }
  if (p.budgetCents) {
    if (p.billingType === 'hourly' && p.hourlyRateCents) {
      const usedCents = Math.round((used * p.hourlyRateCents) / 60);
      parts.push(`${formatCents(usedCents, p.currency)} of ${formatCents(p.budgetCents, p.currency)}`);
      if (max === undefined) {
        value = usedCents;
        max = p.budgetCents;
      }
    } else {
      parts.push(`${minutesToHours(used)} h used · budget ${formatCents(p.budgetCents, p.currency)}`);
    }
  }
  if (parts.length === 0) return { text: `${minutesToHours(used)} h used`, over: false };
  return { text: parts.join(' · '), value, max, over: value !== undefined && max !== undefined && value > max };
}
