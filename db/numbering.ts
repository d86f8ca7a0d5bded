/**
 * Gap-free per-company numbers. The counter row is bumped inside the
 * transaction that creates the numbered thing: concurrent creators queue on
 * the row lock, so no two get the same number, and a rolled-back create
 * returns its number, so there are no gaps.
 */
import { and, eq, sql } from 'drizzle-orm';
import { formatNumber, periodKey, type NumberedKind } from '../domain/numbering';
import type { Tx } from './client';
import { numberingSchemes } from './schema/company-setup';
import { numberSequences } from './schema/work';

/** The company's numbering pattern for a kind. */
export async function numberPattern(tx: Tx, companyId: string, kind: NumberedKind): Promise<string> {
  const [scheme] = await tx.select({ pattern: numberingSchemes.pattern }).from(numberingSchemes)
    .where(and(eq(numberingSchemes.companyId, companyId), eq(numberingSchemes.kind, kind)));
  if (!scheme) throw new Error(`company ${companyId} has no ${kind} numbering scheme (onboarding not finished?)`);
  return scheme.pattern;
}

export async function nextNumber(tx: Tx, companyId: string, kind: NumberedKind, on: { year: number; month: number }): Promise<{ seq: number; number: string }> {
  const pattern = await numberPattern(tx, companyId, kind);
  const key = periodKey(pattern, on);
  const [row] = await tx.insert(numberSequences).values({ companyId, kind, periodKey: key, lastValue: 1 })
    .onConflictDoUpdate({ target: [numberSequences.companyId, numberSequences.kind, numberSequences.periodKey], set: { lastValue: sql`${numberSequences.lastValue} + 1` } })
    .returning({ seq: numberSequences.lastValue });
  return { seq: row!.seq, number: formatNumber(pattern, row!.seq, on) };
}
