/**
 * Journal entries people see and type: the journal listed with its lines,
 * manual entries (balanced, active ordinary accounts, an open period), and the
 * reversal of a manual entry — corrections are new entries, never edits.
 * A manual entry's source id comes from the request's Idempotency-Key when it
 * has one, so a retried POST finds the first entry instead of posting twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../domain/errors';
import { manualEntryProblem, toPosting, type ManualLine } from '../domain/ledger/manual';
import { reversal, type JournalSource } from '../domain/ledger/posting';
import { recordAudit, type AuditEvent } from './audit';
import { ledgerAccounts } from './chart';
import type { Tx } from './client';
import { exactInstant } from './instants';
import { entryLines, findEntry, postEntry } from './journal';
import { assertOpenPeriod } from './periods';
import { accounts, journalEntries, journalLines } from './schema/ledger';
import { users } from './schema/identity';
import { auditEvents } from './schema/audit';

type Actor = Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'>;

/** A name-based UUID: the same text, the same id. */
function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The same key always names the same entry of the same company. Keys the API is sent live in a
 * namespace of their own, apart from reversals': a key spelled "reversal:<id>" must not be able to
 * take the place of that entry's reversal, which would then never be posted.
 */
export function manualSourceId(companyId: string, idempotencyKey: string | null | undefined): string {
  return idempotencyKey ? uuidOf(`${companyId}:manual:key:${idempotencyKey}`) : randomUUID();
}

/** Where a key's entry was kept before keys had a namespace of their own: a retry from then still finds it. */
export const legacySourceId = (companyId: string, key: string) => (key.startsWith('reversal:') ? null : uuidOf(`${companyId}:manual:${key}`));

/** The one reversal of a manual entry (the text is what reversals have always been named by). */
const reversalSourceId = (companyId: string, entryId: string) => uuidOf(`${companyId}:manual:reversal:${entryId}`);

/** Two requests with one key take turns from here, so the second finds the first's entry and says so, instead of posting "again". */
const holdSource = (tx: Tx, sourceId: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`journal-source:${sourceId}`}, 0))`);

export interface ManualEntryInput {
  entryDate: string;
  memo: string;
  currency: string;
  lines: ManualLine[];
  idempotencyKey?: string | null;
}

/** Post a manual entry: every rule refused with its own 422 code, then the period, then the post itself. Returns the entry id and whether this call posted it. */
export async function postManualEntry(tx: Tx, companyId: string, e: ManualEntryInput, actor: Actor): Promise<{ id: string; created: boolean }> {
  const sourceId = manualSourceId(companyId, e.idempotencyKey);
  if (e.idempotencyKey) await holdSource(tx, sourceId);
  const legacy = e.idempotencyKey ? legacySourceId(companyId, e.idempotencyKey) : null;
  const existing = (await findEntry(tx, companyId, 'manual', sourceId)) ?? (legacy ? await findEntry(tx, companyId, 'manual', legacy) : null);
  if (existing) return { id: existing.id, created: false };
  const chart = new Map((await ledgerAccounts(tx, companyId)).map((a) => [a.id, a]));
  const problem = manualEntryProblem(e.lines, chart);
  // Another company's account is, to this company, no account at all: 404 like any other tenant's id.
  if (problem) throw new AppError(problem.code === 'ACCOUNT_MISSING' ? 404 : 422, problem.code, problem.message, problem.field ? { [problem.field]: problem.message } : undefined);
  await assertOpenPeriod(tx, companyId, e.entryDate);
  const id = (await postEntry(tx, {
    companyId, sourceType: 'manual', sourceId, entryDate: e.entryDate, currency: e.currency, memo: e.memo, postedBy: actor.actorUserId, lines: toPosting(e.lines),
  }))!;
  await recordAudit(tx, {
    companyId, ...actor, action: 'journal.manual_entry_posted', objectType: 'journal_entry', objectId: id,
    after: { entryDate: e.entryDate, memo: e.memo, currency: e.currency, lines: e.lines.map((l) => ({ accountId: l.accountId, debitCents: l.debitCents, creditCents: l.creditCents })) },
  });
  return { id, created: true };
}

/**
 * Reverse a manual entry with a new manual entry dated `entryDate`: the mirror
 * image of its lines. Reversing twice finds the first reversal. Automatic
 * postings are corrected by their own commands (void an invoice), not here.
 */
export async function reverseManualEntry(tx: Tx, companyId: string, entryId: string, r: { entryDate: string; memo: string }, actor: Actor): Promise<{ id: string; created: boolean }> {
  const [entry] = await tx.select().from(journalEntries).where(and(eq(journalEntries.companyId, companyId), eq(journalEntries.id, entryId)));
  if (!entry) throw AppError.notFound('No such journal entry.');
  if (entry.sourceType !== 'manual') throw new AppError(422, 'NOT_A_MANUAL_ENTRY', 'Only manual entries are reversed here; automatic postings are corrected by their own action, such as voiding the invoice.');
  const sourceId = reversalSourceId(companyId, entryId);
  await holdSource(tx, sourceId);
  const existing = await findEntry(tx, companyId, 'manual', sourceId);
  if (existing) return { id: existing.id, created: false };
  await assertOpenPeriod(tx, companyId, r.entryDate);
  const id = (await postEntry(tx, {
    companyId, sourceType: 'manual', sourceId, entryDate: r.entryDate, currency: entry.currency, memo: r.memo || `Reversal of: ${entry.memo}`,
    postedBy: actor.actorUserId, lines: reversal(await entryLines(tx, companyId, entryId)),
    // The mirror of lines already posted: an account deactivated since still takes them.
    allowInactive: true,
  }))!;
  await recordAudit(tx, { companyId, ...actor, action: 'journal.entry_reversed', objectType: 'journal_entry', objectId: entryId, after: { reversalId: id, entryDate: r.entryDate } });
  return { id, created: true };
}

export interface EntryFilter {
  from?: string;
  to?: string;
  sourceType?: JournalSource;
  accountId?: string;
  /** Just this entry. */
  id?: string;
  limit: number;
  /** Keyset: entries strictly before this (date, created, id), newest first. */
  before?: { entryDate: string; createdAt: string; id: string };
}

/** The journal, newest first, each entry with its lines and account codes. */
export async function listEntries(tx: Tx, companyId: string, f: EntryFilter) {
  const b = f.before;
  const heads = await tx.select({ entry: journalEntries, postedByEmail: users.email, createdAtExact: exactInstant(journalEntries.createdAt) }).from(journalEntries)
    .leftJoin(users, eq(users.id, journalEntries.postedBy))
    .where(and(
      eq(journalEntries.companyId, companyId),
      f.from ? gte(journalEntries.entryDate, f.from) : undefined,
      f.to ? lte(journalEntries.entryDate, f.to) : undefined,
      f.sourceType ? eq(journalEntries.sourceType, f.sourceType) : undefined,
      f.id ? eq(journalEntries.id, f.id) : undefined,
      f.accountId ? sql`exists (select 1 from ${journalLines} where ${journalLines.entryId} = ${journalEntries.id} and ${journalLines.accountId} = ${f.accountId})` : undefined,
      b ? or(
        lt(journalEntries.entryDate, b.entryDate),
        and(eq(journalEntries.entryDate, b.entryDate), sql`(${journalEntries.createdAt}, ${journalEntries.id}) < (${b.createdAt}::timestamptz, ${b.id}::uuid)`),
      ) : undefined,
    ))
    .orderBy(desc(journalEntries.entryDate), desc(journalEntries.createdAt), desc(journalEntries.id)).limit(f.limit + 1);
  const ids = heads.map((h) => h.entry.id);
  const pairs = await reversalPairs(tx, companyId, ids);
  const lines = ids.length ? await tx.select({ line: journalLines, code: accounts.code, name: accounts.name }).from(journalLines)
    .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
    .where(and(eq(journalLines.companyId, companyId), inArray(journalLines.entryId, ids)))
    .orderBy(asc(journalLines.entryId), desc(journalLines.debitCents), asc(accounts.code)) : [];
  return heads.map((h) => ({
    ...h.entry, createdAtExact: h.createdAtExact, postedByEmail: h.postedByEmail, lines: lines.filter((l) => l.line.entryId === h.entry.id),
    reversedBy: pairs.find((p) => p.originalId === h.entry.id) ?? null,
    reversalOf: pairs.find((p) => p.reversalId === h.entry.id)?.originalId ?? null,
  }));
}

/**
 * Which of these entries were reversed (by which entry, dated when), and which are reversals. The
 * `journal.entry_reversed` event, written in the same transaction as each reversal, is what pairs
 * them: the reversal's own source id is a one-way hash of the original's.
 */
async function reversalPairs(tx: Tx, companyId: string, ids: string[]) {
  if (!ids.length) return [];
  const reversalId = sql<string>`${auditEvents.after}->>'reversalId'`;
  return tx.select({ originalId: sql<string>`${auditEvents.objectId}`, reversalId, entryDate: sql<string>`${auditEvents.after}->>'entryDate'` }).from(auditEvents)
    .where(and(
      eq(auditEvents.companyId, companyId), eq(auditEvents.action, 'journal.entry_reversed'),
      or(inArray(auditEvents.objectId, ids), inArray(reversalId, ids)),
    ));
}

export async function getEntry(tx: Tx, companyId: string, id: string) {
  const [row] = await listEntries(tx, companyId, { id, limit: 1 });
  return row ?? null;
}
