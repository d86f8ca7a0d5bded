/** Projects from CSV: each record becomes the body POST /projects takes, with the client found by name. */
import type { z } from 'zod';
import { allClients } from '../../db/clients';
import { byColumn, choiceKey, matchByName } from '../../domain/csv-import';
import { AppError } from '../../domain/errors';
import type { ImportSpec } from '../csv-import';
import { centsField } from '../money';
import { addProject } from '../projects';
import { ProjectBody } from '../schemas/work';
import { fieldErrors } from '../validation';

export const PROJECT_COLUMNS = ['name', 'client', 'billing_type', 'hourly_rate', 'flat_fee', 'budget_hours', 'budget_amount', 'status'] as const;

const COLUMN_OF: Record<string, string> = {
  clientId: 'client', billingType: 'billing_type', hourlyRate: 'hourly_rate', flatFee: 'flat_fee', budgetHours: 'budget_hours', budgetAmount: 'budget_amount',
};
/** Zod's messages suit a form's select; a spreadsheet cell needs the spellings. */
const CHOICES: Record<string, string> = {
  billing_type: 'Use hourly, flat_fee or non_billable.',
  status: 'Use active, on_hold, completed or cancelled.',
};

type Row = z.infer<typeof ProjectBody>;

function projectFromRecord(r: Record<string, string>) {
  const opt = (v: string | undefined) => (v ? v : undefined);
  return {
    name: r.name ?? '',
    // Hourly is what most projects are; a blank cell means it.
    billingType: choiceKey(r.billing_type ?? '') || 'hourly',
    status: opt(choiceKey(r.status ?? '')),
    hourlyRate: opt(r.hourly_rate), flatFee: opt(r.flat_fee), budgetAmount: opt(r.budget_amount),
    budgetHours: r.budget_hours ? Number(r.budget_hours) : undefined,
  };
}

export const projectImport: ImportSpec<{ clients: { id: string; name: string }[] }, Row> = {
  columns: PROJECT_COLUMNS,
  required: ['name'],
  audit: { action: 'project.imported', objectType: 'project' },
  async load(tx, { companyId }) {
    return { clients: (await allClients(tx, companyId)).map((c) => ({ id: c.id, name: c.name })) };
  },
  check(r, ctx) {
    const label = r.name ?? '';
    const result = ProjectBody.safeParse(projectFromRecord(r));
    const errors = result.success ? {} : byColumn(fieldErrors(result.error), COLUMN_OF);
    for (const column of Object.keys(CHOICES)) if (errors[column] && r[column]) errors[column] = CHOICES[column]!;
    // Amounts parse exactly as the API parses them.
    for (const [field, column] of [['hourlyRate', 'hourly_rate'], ['flatFee', 'flat_fee'], ['budgetAmount', 'budget_amount']] as const) {
      try {
        centsField(field, r[column]);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        errors[column] ??= err.fields?.[field] ?? err.message;
      }
    }
    let clientId: string | null = null;
    if (r.client) {
      const found = matchByName(ctx.clients, r.client, (c) => c.name);
      if ('item' in found) clientId = found.item.id;
      else errors.client = found.problem === 'none'
        ? `No client named “${r.client}”. Add the client first, or fix the name.`
        : `Several clients are named “${r.client}”; rename one so the import can tell them apart.`;
    }
    if (!result.success || Object.keys(errors).length) return { label, errors };
    return { label, value: { ...result.data, clientId } };
  },
  async write(tx, rows, _ctx, { companyId }) {
    const numbers: string[] = [];
    for (const body of rows) numbers.push((await addProject(tx, companyId, body)).number);
    return { first: numbers[0], last: numbers[numbers.length - 1] };
  },
};
