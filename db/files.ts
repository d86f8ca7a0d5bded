import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from './client';
import { projectFiles } from './schema/work';
import { live } from './soft-delete';

export type FileRow = typeof projectFiles.$inferSelect;

export async function insertFile(tx: Tx, companyId: string, input: Omit<typeof projectFiles.$inferInsert, 'companyId'>): Promise<FileRow> {
  const [row] = await tx.insert(projectFiles).values({ ...input, companyId }).returning();
  return row!;
}

export async function getFile(tx: Tx, companyId: string, projectId: string, id: string, opts: { includeDeleted?: boolean; lock?: boolean } = {}): Promise<FileRow | null> {
  const q = tx.select().from(projectFiles)
    .where(and(eq(projectFiles.companyId, companyId), eq(projectFiles.projectId, projectId), eq(projectFiles.id, id), opts.includeDeleted ? undefined : live(projectFiles)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export function listFiles(tx: Tx, companyId: string, projectId: string) {
  return tx.select().from(projectFiles)
    .where(and(eq(projectFiles.companyId, companyId), eq(projectFiles.projectId, projectId), eq(projectFiles.status, 'ready'), live(projectFiles)))
    .orderBy(desc(projectFiles.createdAt));
}

/** A pending file becomes ready or rejected (the caller holds its row lock, so it is settled once). */
export async function settleFile(tx: Tx, companyId: string, id: string, values: { status: 'ready' | 'rejected'; sizeBytes: number | null }): Promise<FileRow> {
  const [row] = await tx.update(projectFiles).set(values)
    .where(and(eq(projectFiles.companyId, companyId), eq(projectFiles.id, id), eq(projectFiles.status, 'pending'))).returning();
  return row!;
}
