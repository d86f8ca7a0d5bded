/**
 * "Recalculate" (PRODUCT.md §G): compare each invoice's stored balance with
 * the one derived from its total, payments and credit applications, and on
 * request correct the stored balance (and the status that goes with it) under
 * the invoice's row lock, audited per invoice. The journal is never rewritten:
 * a difference between the A/R ledger and the derived balance is reported for
 * a person to correct with an entry.
 */
import { AppError } from '../domain/errors';
import { correction, explainBalance, type BalanceExplanation } from '../domain/ledger/reconciliation';
import { recordAudit, type AuditEvent } from './audit';
import type { Tx } from './client';
import { lockDocument, updateDocument } from './documents';
import { reconciliationRows, type ReconciliationRow } from './ledger-reports';

type Actor = Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'>;

export type Explained = ReconciliationRow & BalanceExplanation;

export interface RecalculateResult {
  checked: number;
  /** Each invoice that did not reconcile, as found; `fixed` when its stored balance was corrected. */
  drifted: (Explained & { fixed: boolean; problem: string | null })[];
  fixed: number;
}

const explained = ({ createdAtExact: _at, ...r }: ReconciliationRow & { createdAtExact: string }): Explained => ({ ...r, ...explainBalance(r) });

/** Every invoice that has left draft (or just `documentIds`), explained; the drifted ones corrected when `fix`. */
export async function recalculateBalances(tx: Tx, companyId: string, opts: { documentIds?: string[]; fix: boolean }, actor: Actor): Promise<RecalculateResult> {
  const rows = (await reconciliationRows(tx, companyId, { documentIds: opts.documentIds, limit: 1_000_000 })).map(explained);
  if (opts.documentIds && rows.length < new Set(opts.documentIds).size) throw AppError.notFound('No such invoice (or it is still a draft).');
  const drifted: RecalculateResult['drifted'] = [];
  let fixed = 0;
  for (const row of rows.filter((r) => !r.ok)) {
    if (!opts.fix || row.driftCents === 0) {
      drifted.push({ ...row, fixed: false, problem: row.driftCents === 0 ? 'The A/R ledger disagrees; correct it with a journal entry (see docs/ledger.md).' : null });
      continue;
    }
    // Under the invoice's lock (the order every money command uses), look again: a payment may have landed since.
    await lockDocument(tx, companyId, row.documentId);
    const [now] = (await reconciliationRows(tx, companyId, { documentIds: [row.documentId], limit: 1 })).map(explained);
    if (!now || now.driftCents === 0) { drifted.push({ ...row, fixed: false, problem: null }); continue; }
    const c = correction(now);
    if ('problem' in c) { drifted.push({ ...now, fixed: false, problem: c.problem }); continue; }
    await updateDocument(tx, companyId, now.documentId, { balanceCents: c.balanceCents, status: c.status });
    await recordAudit(tx, {
      companyId, ...actor, action: 'invoice.balance_recalculated', objectType: 'invoice', objectId: now.documentId,
      before: { balanceCents: now.storedBalanceCents, status: now.status },
      after: { balanceCents: c.balanceCents, status: c.status, totalCents: now.totalCents, paymentsAppliedCents: now.paymentsAppliedCents, creditsAppliedCents: now.creditsAppliedCents },
    });
    fixed += 1;
    // As found, so the answer shows the drift that was corrected.
    drifted.push({ ...now, fixed: true, problem: null });
  }
  return { checked: rows.length, drifted, fixed };
}
