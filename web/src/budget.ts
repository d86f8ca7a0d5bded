// How much of a project's budget is used: hours from usedMinutes, money from
// usedCents (the server prices the billable time exactly as billing would).
import { minutesToHours } from './duration';
import { formatCents } from './money';
import type { Project } from './workApi';

export interface BudgetUse {
  /** "12.5 of 40 h · $1,875.00 of $6,000.00", or "3 h · $450.00 used" with no budget. */
  text: string;
  /** For a <progress>: used and budget in one unit (minutes, else cents). */
  value?: number;
  max?: number;
  over: boolean;
}

type BudgetFields = Pick<Project, 'usedMinutes' | 'usedCents' | 'budgetMinutes' | 'budgetCents' | 'currency'>;

export function budgetUse(p: BudgetFields): BudgetUse {
  const used = p.usedMinutes ?? 0;
  const usedCents = p.usedCents ?? 0;
  const parts: string[] = [];
  let value: number | undefined;
  let max: number | undefined;
  let over = false;
  if (p.budgetMinutes) {
    parts.push(`${minutesToHours(used)} of ${minutesToHours(p.budgetMinutes)} h`);
    value = used;
    max = p.budgetMinutes;
    over ||= used > p.budgetMinutes;
  }
  if (p.budgetCents) {
    parts.push(`${formatCents(usedCents, p.currency)} of ${formatCents(p.budgetCents, p.currency)}`);
    if (max === undefined) {
      value = usedCents;
      max = p.budgetCents;
    }
    over ||= usedCents > p.budgetCents;
  }
  if (parts.length === 0) {
    return { text: usedCents > 0 ? `${minutesToHours(used)} h · ${formatCents(usedCents, p.currency)} used` : `${minutesToHours(used)} h used`, over: false };
  }
  return { text: parts.join(' · '), value, max, over };
}
