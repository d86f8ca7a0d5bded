import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { containsPattern } from './search';
import { documentLines } from './schema/documents';
import { memberships, users } from './schema/identity';
import { catalogItems, clients, projectMembers, projects, projectServices, timeEntries } from './schema/work';
import { live } from './soft-delete';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInput = Omit<typeof projects.$inferInsert, 'id' | 'companyId' | 'seq' | 'number' | 'createdAt' | 'deletedAt'>;
export type ServiceInput = { catalogItemId: string | null; name: string };

export async function insertProject(tx: Tx, companyId: string, seq: number, number: string, input: ProjectInput): Promise<ProjectRow> {
  const [row] = await tx.insert(projects).values({ ...input, companyId, seq, number }).returning();
  return row!;
}

export async function updateProject(tx: Tx, companyId: string, id: string, input: Partial<ProjectInput>): Promise<ProjectRow | null> {
  const [row] = await tx.update(projects).set(input).where(and(eq(projects.companyId, companyId), eq(projects.id, id), live(projects))).returning();
  return row ?? null;
}

export async function getProject(tx: Tx, companyId: string, id: string, opts: { includeDeleted?: boolean } = {}): Promise<ProjectRow | null> {
  const [row] = await tx.select().from(projects).where(and(eq(projects.companyId, companyId), eq(projects.id, id), opts.includeDeleted ? undefined : live(projects)));
  return row ?? null;
}

/** Newest first, keyset-paginated on the project sequence. */
export function listProjects(tx: Tx, companyId: string, f: { q?: string; status?: ProjectRow['status']; clientId?: string; includeDeleted?: boolean; limit: number; beforeSeq?: number }) {
  return tx.select().from(projects).where(and(
    eq(projects.companyId, companyId), f.includeDeleted ? undefined : live(projects),
    f.status ? eq(projects.status, f.status) : undefined,
    f.clientId ? eq(projects.clientId, f.clientId) : undefined,
    f.q ? or(ilike(projects.name, containsPattern(f.q)), ilike(projects.number, containsPattern(f.q))) : undefined,
    f.beforeSeq ? lt(projects.seq, f.beforeSeq) : undefined,
  )).orderBy(desc(projects.seq)).limit(f.limit + 1);
}

/** Only people who are members of the company can be put on its projects. */
export async function setProjectMembers(tx: Tx, companyId: string, projectId: string, userIds: string[]): Promise<void> {
  await tx.delete(projectMembers).where(and(eq(projectMembers.companyId, companyId), eq(projectMembers.projectId, projectId)));
  if (!userIds.length) return;
  const valid = await tx.select({ userId: memberships.userId }).from(memberships)
    .where(and(eq(memberships.companyId, companyId), inArray(memberships.userId, userIds)));
  if (valid.length !== new Set(userIds).size) throw new Error('NOT_A_MEMBER');
  await tx.insert(projectMembers).values(valid.map((v) => ({ companyId, projectId, userId: v.userId })));
}

export async function setProjectServices(tx: Tx, companyId: string, projectId: string, services: ServiceInput[]): Promise<void> {
  await tx.delete(projectServices).where(and(eq(projectServices.companyId, companyId), eq(projectServices.projectId, projectId)));
  if (services.length) await tx.insert(projectServices).values(services.map((s) => ({ companyId, projectId, ...s })));
}

/** Members, services, client and the time used so far, for a page of projects at once. */
export async function projectDetails(tx: Tx, companyId: string, ids: string[]) {
  if (!ids.length) return { members: [], services: [], clientsById: new Map<string, string>(), usedSeconds: new Map<string, number>(), billable: [], billedCents: new Map<string, number>() };
  const members = await tx.select({ projectId: projectMembers.projectId, userId: users.id, email: users.email, name: users.name })
    .from(projectMembers).innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.companyId, companyId), inArray(projectMembers.projectId, ids))).orderBy(asc(users.email));
  const services = await tx.select().from(projectServices)
    .where(and(eq(projectServices.companyId, companyId), inArray(projectServices.projectId, ids))).orderBy(asc(projectServices.name));
  const names = await tx.select({ id: clients.id, name: clients.name }).from(clients).innerJoin(projects, eq(projects.clientId, clients.id))
    .where(and(eq(clients.companyId, companyId), inArray(projects.id, ids)));
  const used = await tx.select({ projectId: timeEntries.projectId, seconds: sql<number>`sum(${timeEntries.durationSeconds})::int` })
    .from(timeEntries).where(and(eq(timeEntries.companyId, companyId), inArray(timeEntries.projectId, ids))).groupBy(timeEntries.projectId);
  return {
    members, services,
    clientsById: new Map(names.map((c) => [c.id, c.name])),
    usedSeconds: new Map(used.map((u) => [u.projectId, u.seconds])),
    billable: await billableTime(tx, companyId, ids),
    billedCents: new Map((await billedByLine(tx, companyId, ids)).map((b) => [b.projectId, b.cents])),
  };
}

/**
 * What time already billed came to, per project: the invoice lines that bill it, as they stand
 * (edited, or priced at a rate since changed, they are still what was charged). Time billed before
 * entries named their line is priced with the rest (see billableTime).
 */
function billedByLine(tx: Tx, companyId: string, ids: string[]) {
  const linked = tx.selectDistinct({ projectId: timeEntries.projectId, lineId: timeEntries.billedLineId }).from(timeEntries)
    .where(and(eq(timeEntries.companyId, companyId), inArray(timeEntries.projectId, ids), isNotNull(timeEntries.billedLineId)))
    .as('linked');
  return tx.select({ projectId: linked.projectId, cents: sql<number>`sum(${documentLines.subtotalCents})::bigint`.mapWith(Number) })
    .from(linked).innerJoin(documentLines, and(eq(documentLines.companyId, companyId), eq(documentLines.id, linked.lineId)))
    .groupBy(linked.projectId);
}

/**
 * Billable time on the projects not yet billed by an invoice line, with what pricing it needs: the
 * catalog item's rate and the entry's client's rounding. Entries alike in all of that are
 * counted, not listed (rounding is per entry, so equal durations round alike);
 * they are counted before the joins, which halves the time on big projects.
 */
function billableTime(tx: Tx, companyId: string, ids: string[]) {
  const g = tx.select({
    projectId: timeEntries.projectId, catalogItemId: timeEntries.catalogItemId, serviceName: timeEntries.serviceName,
    clientId: timeEntries.clientId, durationSeconds: timeEntries.durationSeconds, entries: sql<number>`count(*)::int`.as('entries'),
  }).from(timeEntries)
    .where(and(eq(timeEntries.companyId, companyId), inArray(timeEntries.projectId, ids), eq(timeEntries.billable, true), isNull(timeEntries.billedLineId)))
    .groupBy(timeEntries.projectId, timeEntries.catalogItemId, timeEntries.serviceName, timeEntries.clientId, timeEntries.durationSeconds)
    .as('g');
  return tx.select({
    projectId: g.projectId, catalogItemId: g.catalogItemId, serviceName: g.serviceName, durationSeconds: g.durationSeconds, entries: g.entries,
    itemRateCents: catalogItems.rateCents, clientRounding: { incrementMinutes: clients.roundingIncrementMinutes, mode: clients.roundingMode },
  }).from(g)
    .leftJoin(catalogItems, eq(catalogItems.id, g.catalogItemId))
    .leftJoin(clients, eq(clients.id, g.clientId));
}

/** Every service of every project of the company (imports match service names against them). */
export function allProjectServices(tx: Tx, companyId: string) {
  return tx.select({ projectId: projectServices.projectId, catalogItemId: projectServices.catalogItemId, name: projectServices.name })
    .from(projectServices).where(eq(projectServices.companyId, companyId));
}
