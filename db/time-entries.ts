import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { companySettings } from './schema/company-setup';
import { users } from './schema/identity';
import { catalogItems, clients, projects, timeEntries } from './schema/work';

export type TimeEntryRow = typeof timeEntries.$inferSelect;
export type TimeEntryInput = Omit<typeof timeEntries.$inferInsert, 'id' | 'companyId' | 'createdAt'>;

export async function insertTimeEntry(tx: Tx, companyId: string, input: TimeEntryInput): Promise<TimeEntryRow | null> {
  const [row] = await tx.insert(timeEntries).values({ ...input, companyId }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findBySource(tx: Tx, companyId: string, sourceKey: string): Promise<TimeEntryRow | null> {
  const [row] = await tx.select().from(timeEntries).where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.sourceKey, sourceKey)));
  return row ?? null;
}

/** One entry, locked for the change about to be made to it. */
export async function lockTimeEntry(tx: Tx, companyId: string, id: string): Promise<TimeEntryRow | null> {
  const [row] = await tx.select().from(timeEntries).where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.id, id))).for('update');
  return row ?? null;
}

export async function updateTimeEntry(tx: Tx, companyId: string, id: string, values: Partial<TimeEntryInput>): Promise<TimeEntryRow> {
  const where = and(eq(timeEntries.companyId, companyId), eq(timeEntries.id, id));
  // A change that comes to nothing (the same start time, say) is no UPDATE: drizzle refuses an empty one.
  if (Object.values(values).every((v) => v === undefined)) return (await tx.select().from(timeEntries).where(where))[0]!;
  const [row] = await tx.update(timeEntries).set(values).where(where).returning();
  return row!;
}

export async function deleteTimeEntry(tx: Tx, companyId: string, id: string): Promise<void> {
  await tx.delete(timeEntries).where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.id, id)));
}

export interface TimeFilter {
  userId?: string;
  projectId?: string;
  status?: TimeEntryRow['status'];
  from?: string;
  to?: string;
}

/** Newest day first; keyset on (work_date, id). */
export function listTimeEntries(tx: Tx, companyId: string, f: TimeFilter & { limit: number; after?: { date: string; id: string } }) {
  return entryRows(tx)
    .where(and(
      eq(timeEntries.companyId, companyId),
      f.userId ? eq(timeEntries.userId, f.userId) : undefined,
      f.projectId ? eq(timeEntries.projectId, f.projectId) : undefined,
      f.status ? eq(timeEntries.status, f.status) : undefined,
      f.from ? gte(timeEntries.workDate, f.from) : undefined,
      f.to ? lte(timeEntries.workDate, f.to) : undefined,
      f.after ? or(lt(timeEntries.workDate, f.after.date), and(eq(timeEntries.workDate, f.after.date), lt(timeEntries.id, f.after.id))) : undefined,
    ))
    .orderBy(desc(timeEntries.workDate), desc(timeEntries.id)).limit(f.limit + 1);
}

/** Entries with what their view needs: person, project label, client, and the rounding overrides that apply. */
export function entryRows(tx: Tx) {
  return tx.select({
    entry: timeEntries, email: users.email, projectNumber: projects.number, projectName: projects.name, clientName: clients.name,
    projectRounding: { incrementMinutes: projects.roundingIncrementMinutes, mode: projects.roundingMode },
    clientRounding: { incrementMinutes: clients.roundingIncrementMinutes, mode: clients.roundingMode },
  }).from(timeEntries)
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .innerJoin(projects, eq(projects.id, timeEntries.projectId))
    .leftJoin(clients, eq(clients.id, timeEntries.clientId));
}

export type EntryRow = Awaited<ReturnType<ReturnType<typeof entryRows>['execute']>>[number];

export async function getEntryRow(tx: Tx, companyId: string, id: string): Promise<EntryRow | null> {
  const [row] = await entryRows(tx).where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.id, id)));
  return row ?? null;
}

/** The person's other timed entries that overlap [start, end). */
export function overlappingEntries(tx: Tx, companyId: string, userId: string, start: Date, end: Date, exceptId?: string) {
  return tx.select({ id: timeEntries.id, startedAt: timeEntries.startedAt, durationSeconds: timeEntries.durationSeconds, projectNumber: projects.number })
    .from(timeEntries).innerJoin(projects, eq(projects.id, timeEntries.projectId))
    .where(and(
      eq(timeEntries.companyId, companyId), eq(timeEntries.userId, userId),
      exceptId ? ne(timeEntries.id, exceptId) : undefined,
      sql`${timeEntries.startedAt} < ${end.toISOString()}::timestamptz`,
      sql`${timeEntries.startedAt} + make_interval(secs => ${timeEntries.durationSeconds}) > ${start.toISOString()}::timestamptz`,
    )).limit(5);
}

/** Seconds per (project, service, day) for one person's week. */
export function weekTotals(tx: Tx, companyId: string, userId: string, from: string, to: string) {
  return tx.select({
    projectId: timeEntries.projectId, projectNumber: projects.number, projectName: projects.name, serviceName: timeEntries.serviceName,
    workDate: timeEntries.workDate, seconds: sql<number>`sum(${timeEntries.durationSeconds})::int`,
  }).from(timeEntries).innerJoin(projects, eq(projects.id, timeEntries.projectId))
    .where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.userId, userId), gte(timeEntries.workDate, from), lte(timeEntries.workDate, to)))
    .groupBy(timeEntries.projectId, projects.number, projects.name, timeEntries.serviceName, timeEntries.workDate)
    .orderBy(asc(projects.number), asc(timeEntries.serviceName));
}

export async function timeSettings(tx: Tx, companyId: string) {
  const [row] = await tx.select({
    roundingIncrementMinutes: companySettings.roundingIncrementMinutes, roundingMode: companySettings.roundingMode,
    timerAutoStopHours: companySettings.timerAutoStopHours, timeZone: companySettings.timeZone, currency: companySettings.currency,
    invoiceDueDays: companySettings.invoiceDueDays, estimateValidDays: companySettings.estimateValidDays, defaultTaxable: companySettings.defaultTaxable,
  }).from(companySettings).where(eq(companySettings.companyId, companyId));
  return row ?? null;
}

export async function updateTimeSettings(tx: Tx, companyId: string, values: Partial<{ roundingIncrementMinutes: number; roundingMode: 'up' | 'nearest'; timerAutoStopHours: number }>) {
  await tx.update(companySettings).set(values).where(eq(companySettings.companyId, companyId));
}

/**
 * Approved, billable, unbilled time for one client (optionally only the given
 * entries), locked for billing, with what pricing needs: the project's rate
 * and rounding, the client's rounding, the catalog item's rate and taxability.
 */
export function lockBillableTime(tx: Tx, companyId: string, clientId: string, entryIds?: string[]) {
  return tx.select({
    entry: timeEntries, projectNumber: projects.number, projectName: projects.name, projectRateCents: projects.hourlyRateCents,
    projectRounding: { incrementMinutes: projects.roundingIncrementMinutes, mode: projects.roundingMode },
    clientRounding: { incrementMinutes: clients.roundingIncrementMinutes, mode: clients.roundingMode },
    itemRateCents: catalogItems.rateCents, itemTaxable: catalogItems.taxable, itemCurrency: catalogItems.currency, projectCurrency: projects.currency,
  }).from(timeEntries)
    .innerJoin(projects, eq(projects.id, timeEntries.projectId))
    .leftJoin(clients, eq(clients.id, timeEntries.clientId))
    .leftJoin(catalogItems, eq(catalogItems.id, timeEntries.catalogItemId))
    .where(and(
      eq(timeEntries.companyId, companyId), eq(timeEntries.clientId, clientId), eq(timeEntries.status, 'approved'), eq(timeEntries.billable, true),
      entryIds ? inArray(timeEntries.id, entryIds.length ? entryIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
    ))
    .orderBy(asc(timeEntries.workDate), asc(timeEntries.id))
    .for('update', { of: timeEntries });
}

/** One person's time entries are written one request at a time (for the day-total and overlap checks). */
export async function lockPersonTime(tx: Tx, companyId: string, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`time:${companyId}:${userId}`}, 0))`);
}

/**
 * A project's time not yet billed goes with the project to its new client (or to none): billing
 * finds time by client, so left behind it would be billed to the old one, or never. Billed time
 * stays on the invoice that charged it. Returns how many entries moved.
 */
export async function moveUnbilledTime(tx: Tx, companyId: string, projectId: string, clientId: string | null): Promise<number> {
  const moved = await tx.update(timeEntries).set({ clientId })
    .where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.projectId, projectId), ne(timeEntries.status, 'billed')))
    .returning({ id: timeEntries.id });
  return moved.length;
}

/** The entries become billed on the document, by the line that charges them. */
export async function markBilled(tx: Tx, companyId: string, ids: string[], billed: { documentId: string; lineId: string }): Promise<void> {
  if (!ids.length) return;
  await tx.update(timeEntries).set({ status: 'billed', billedDocumentId: billed.documentId, billedLineId: billed.lineId })
    .where(and(eq(timeEntries.companyId, companyId), inArray(timeEntries.id, ids), eq(timeEntries.status, 'approved')));
}

/**
 * Time billed on a document goes back to approved, to be billed again: the document was voided or its
 * draft deleted (its lines are gone or void with it), or — with `keptLineIds` — the lines that charged
 * it were removed from the draft. Time billed before lines were linked has no line and stays billed
 * until the document is deleted or voided. How many entries were released.
 */
export async function releaseBilledTime(tx: Tx, companyId: string, documentId: string, keptLineIds?: readonly string[]): Promise<number> {
  const rows = await tx.update(timeEntries).set({ status: 'approved', billedDocumentId: null, billedLineId: null })
    .where(and(
      eq(timeEntries.companyId, companyId), eq(timeEntries.billedDocumentId, documentId), eq(timeEntries.status, 'billed'),
      keptLineIds ? and(isNotNull(timeEntries.billedLineId), keptLineIds.length ? notInArray(timeEntries.billedLineId, [...keptLineIds]) : undefined) : undefined,
    ))
    .returning({ id: timeEntries.id });
  return rows.length;
}

/** Seconds a person has recorded on a day (leaving one entry out, when it is the one changing). */
export async function dayTotalSeconds(tx: Tx, companyId: string, userId: string, date: string, exceptId?: string): Promise<number> {
  const [row] = await tx.select({ total: sql<number>`coalesce(sum(${timeEntries.durationSeconds}), 0)::int`.mapWith(Number) }).from(timeEntries)
    .where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.userId, userId), eq(timeEntries.workDate, date), exceptId ? ne(timeEntries.id, exceptId) : undefined));
  return row?.total ?? 0;
}

/** Seconds recorded per person and day across the company, keyed `userId|date` (an import checks days against it). */
export async function dayTotalsByPerson(tx: Tx, companyId: string): Promise<Map<string, number>> {
  const rows = await tx.select({ userId: timeEntries.userId, date: timeEntries.workDate, total: sql<number>`sum(${timeEntries.durationSeconds})::int`.mapWith(Number) })
    .from(timeEntries).where(eq(timeEntries.companyId, companyId)).groupBy(timeEntries.userId, timeEntries.workDate);
  return new Map(rows.map((r) => [`${r.userId}|${r.date}`, r.total]));
}

/** Whether any time is billed on the document (`byLine`: billed by one of its lines, so released with it). */
export async function hasBilledTime(tx: Tx, companyId: string, documentId: string, opts: { byLine?: boolean } = {}): Promise<boolean> {
  const [row] = await tx.select({ id: timeEntries.id }).from(timeEntries)
    .where(and(eq(timeEntries.companyId, companyId), eq(timeEntries.billedDocumentId, documentId), opts.byLine ? isNotNull(timeEntries.billedLineId) : undefined)).limit(1);
  return !!row;
}

/** Seconds each person tracked with work dates in [from, to]: in all, billable, and billable already billed. */
export function trackedTime(tx: Tx, companyId: string, range: { from: string; to: string }) {
  return tx.select({
    userId: timeEntries.userId, email: users.email,
    totalSeconds: sql<number>`sum(${timeEntries.durationSeconds})::bigint`.mapWith(Number),
    billableSeconds: sql<number>`coalesce(sum(${timeEntries.durationSeconds}) filter (where ${timeEntries.billable}), 0)::bigint`.mapWith(Number),
    billedSeconds: sql<number>`coalesce(sum(${timeEntries.durationSeconds}) filter (where ${timeEntries.billable} and ${timeEntries.status} = 'billed'), 0)::bigint`.mapWith(Number),
  }).from(timeEntries).innerJoin(users, eq(users.id, timeEntries.userId))
    .where(and(eq(timeEntries.companyId, companyId), gte(timeEntries.workDate, range.from), lte(timeEntries.workDate, range.to)))
    .groupBy(timeEntries.userId, users.email);
}
