/**
 * The one CSV import flow, for clients, projects and time alike: a dry run
 * reports every row's problems (keyed by CSV column); a commit checks the rows
 * again and writes them all in one transaction, or nothing while any row has a
 * problem (422 IMPORT_HAS_ERRORS). What differs per import is an ImportSpec.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { recentImport, recordAudit } from '../db/audit';
import type { Tx } from '../db/client';
import { withTenant } from '../db/tenant';
import { csvRecords } from '../domain/csv';
import { AppError } from '../domain/errors';
import { auditBy } from './audit';
import type { AppEnv } from './env';
import type { CompanyAccess } from './guards';

const MAX_ROWS = 5000;

export const ImportBody = z.object({ csv: z.string().max(2_000_000, 'Keep the file under 2 MB.'), dryRun: z.boolean().default(true) }).meta({ id: 'ImportBody' });
export const ImportPreview = z.object({
  rows: z.array(z.object({ line: z.number(), name: z.string(), ok: z.boolean(), errors: z.record(z.string(), z.string()) })),
  valid: z.number(), invalid: z.number(), imported: z.number(),
}).meta({ id: 'ImportPreview' });

/** One row checked: what the preview calls it, and either the value to write or its problems by column. */
export type RowCheck<T> = { label: string } & ({ value: T; errors?: undefined } | { value?: undefined; errors: Record<string, string> });

export interface ImportSpec<Ctx, T> {
  columns: readonly string[];
  /** Columns the header must have. */
  required: readonly string[];
  /** What the rows are checked against (clients, members, projects…), read once per import in its transaction. */
  load: (tx: Tx, access: CompanyAccess) => Promise<Ctx>;
  check: (record: Record<string, string>, ctx: Ctx) => RowCheck<T>;
  /** Write every checked row; answers what the audit event records beside the row count. */
  write: (tx: Tx, values: T[], ctx: Ctx, access: CompanyAccess) => Promise<Record<string, unknown> | void>;
  audit: { action: string; objectType: string };
  /** Whose import an identical file repeats: the company's, or (where rows default to the importer, as time does) only the same person's. */
  sameFileIs?: 'company' | 'person';
}

function readCsv(spec: ImportSpec<unknown, unknown>, csv: string) {
  // Read as UTF-8 (the browser's File.text()): a file saved in another encoding arrives with
  // replacement characters, and would import as garbled names without a word.
  if (csv.includes('\uFFFD')) throw AppError.validation({ csv: 'This file is not UTF-8 text, so some characters cannot be read. Save it as "CSV UTF-8" and import it again.' });
  let parsed: ReturnType<typeof csvRecords>;
  try {
    parsed = csvRecords(csv);
  } catch (err) {
    throw AppError.validation({ csv: (err as Error).message });
  }
  const known = `Known columns: ${spec.columns.join(', ')}.`;
  const missing = spec.required.filter((col) => !parsed.header.includes(col));
  if (missing.length) throw AppError.validation({ csv: `The first row must name the columns, including ${missing.map((m) => `"${m}"`).join(' and ')}. ${known}` });
  // A misspelt column would otherwise import silently without its values.
  const unknown = parsed.header.filter((h) => h && !spec.columns.includes(h));
  if (unknown.length) throw AppError.validation({ csv: `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ${known}` });
  if (parsed.records.length > MAX_ROWS) throw AppError.validation({ csv: `Import at most ${MAX_ROWS} rows at a time.` });
  return parsed;
}

const STRAY = 'This row has a value in a column with no name in the first row: quote a value that has a comma in it ("Smith, Jones").';

/** Dry run → 200 with the preview; commit → 201 with the count imported, or 422 while any row has a problem. */
export async function runImport<Ctx, T>(c: Context<AppEnv>, access: CompanyAccess, spec: ImportSpec<Ctx, T>, body: z.infer<typeof ImportBody>) {
  const { records, lines, stray } = readCsv(spec as ImportSpec<unknown, unknown>, body.csv);
  return withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
    const ctx = await spec.load(tx, access);
    const checked = records.map((r, i): RowCheck<T> => {
      const row = spec.check(r, ctx);
      return stray[i] ? { label: row.label, errors: { ...row.errors, row: STRAY } } : row;
    });
    const rows = checked.map((r, i) => ({ line: lines[i]!, name: r.label, ok: !r.errors, errors: r.errors ?? {} }));
    const invalid = rows.filter((r) => !r.ok).length;
    const preview = { rows, valid: rows.length - invalid, invalid, imported: 0 };
    if (body.dryRun) return { status: 200 as const, preview };
    if (invalid > 0) throw new AppError(422, 'IMPORT_HAS_ERRORS', `${invalid} of ${rows.length} rows have problems; fix them and run the dry run again. Nothing was imported.`);
    // The same file committed again — a retry after a lost answer, a second click — is refused, not imported twice.
    const sha256 = createHash('sha256').update(body.csv).digest('hex');
    const earlier = await recentImport(tx, access.companyId, spec.audit.action, sha256, spec.sameFileIs === 'person' ? access.userId : undefined);
    if (earlier) throw new AppError(409, 'ALREADY_IMPORTED', `This same file was imported at ${earlier.toISOString().slice(0, 16).replace('T', ' ')} UTC (within the last day); it was not imported again.`);
    const detail = await spec.write(tx, checked.map((r) => r.value!), ctx, access);
    await recordAudit(tx, { companyId: access.companyId, ...auditBy(c, access.userId), ...spec.audit, after: { rows: rows.length, sha256, ...detail } });
    return { status: 201 as const, preview: { ...preview, imported: rows.length } };
  });
}
