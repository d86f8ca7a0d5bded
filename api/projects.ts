/** Writing projects from a request body: shared by the project routes and the CSV import. */
import type { z } from 'zod';
import type { Tx } from '../db/client';
import { getCatalogItem, getClient } from '../db/clients';
import { nextNumber } from '../db/numbering';
import { insertProject, setProjectMembers, setProjectServices, type ProjectInput, type ProjectRow, type ServiceInput } from '../db/projects';
import { timeSettings } from '../db/time-entries';
import { AppError } from '../domain/errors';
import { hoursToMinutes } from '../domain/money';
import { centsField } from './money';
import type { ProjectBody } from './schemas/work';

export type ProjectBodyInput = Partial<z.infer<typeof ProjectBody>>;

/** Body → columns, with every referenced id checked to belong to this company. */
export async function projectFields(tx: Tx, companyId: string, b: ProjectBodyInput): Promise<Partial<ProjectInput>> {
  if (b.clientId && !(await getClient(tx, companyId, b.clientId))) throw AppError.notFound('No such client.');
  return {
    ...(b.name !== undefined && { name: b.name }),
    ...(b.clientId !== undefined && { clientId: b.clientId }),
    ...(b.status !== undefined && { status: b.status }),
    ...(b.billingType !== undefined && { billingType: b.billingType }),
    ...(b.hourlyRate !== undefined && { hourlyRateCents: centsField('hourlyRate', b.hourlyRate) }),
    ...(b.flatFee !== undefined && { flatFeeCents: centsField('flatFee', b.flatFee) }),
    ...(b.budgetAmount !== undefined && { budgetCents: centsField('budgetAmount', b.budgetAmount) }),
    ...(b.budgetHours !== undefined && { budgetMinutes: b.budgetHours === null ? null : hoursToMinutes(b.budgetHours) }),
    ...(b.roundingIncrementMinutes !== undefined && { roundingIncrementMinutes: b.roundingIncrementMinutes }),
    ...(b.roundingMode !== undefined && { roundingMode: b.roundingMode }),
  };
}

async function serviceRows(tx: Tx, companyId: string, services: NonNullable<ProjectBodyInput['services']>): Promise<ServiceInput[]> {
  const out: ServiceInput[] = [];
  for (const s of services) {
    if ('catalogItemId' in s) {
      const item = await getCatalogItem(tx, companyId, s.catalogItemId);
      if (!item) throw AppError.notFound('No such catalog item.');
      out.push({ catalogItemId: item.id, name: item.name });
    } else out.push({ catalogItemId: null, name: s.name });
  }
  return out;
}

export async function saveLinks(tx: Tx, companyId: string, projectId: string, b: ProjectBodyInput): Promise<void> {
  if (b.memberIds) {
    await setProjectMembers(tx, companyId, projectId, b.memberIds).catch((err: Error) => {
      if (err.message === 'NOT_A_MEMBER') throw AppError.validation({ memberIds: 'Only members of the company can be on its projects.' });
      throw err;
    });
  }
  if (b.services) await setProjectServices(tx, companyId, projectId, await serviceRows(tx, companyId, b.services));
}

/** Number (P-00001…, gap-free within the transaction) and insert a project with its members and services. */
export async function addProject(tx: Tx, companyId: string, body: z.infer<typeof ProjectBody>): Promise<ProjectRow> {
  const fields = await projectFields(tx, companyId, body);
  const now = new Date();
  const { seq, number } = await nextNumber(tx, companyId, 'project', { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
  const currency = (await timeSettings(tx, companyId))?.currency ?? 'USD';
  const row = await insertProject(tx, companyId, seq, number, { ...fields, name: body.name, billingType: body.billingType, currency });
  await saveLinks(tx, companyId, row.id, body);
  return row;
}
