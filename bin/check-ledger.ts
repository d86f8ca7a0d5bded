// `npm run check:ledger`: every ledger invariant (db/ledger-check.ts) over every company, as the
// database owner. Exits 0 when the books are sound, 1 on any violation, 2 when it cannot look.
// The owner is MIGRATION_DATABASE_URL, else DATABASE_URL, else `npm start`'s embedded database.
import { sql } from 'drizzle-orm';
import { connect } from '../db/client';
import { checkLedger, RULES, type Rule } from '../db/ledger-check';
import { loadSettings } from './lib/settings';

const settings = loadSettings();
const ownerUrl = settings.MIGRATION_DATABASE_URL ?? settings.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${settings.EMBEDDED_PG_PORT}/ez360pm`;
const database = connect(ownerUrl, { max: 1, applicationName: 'ez360pm-check-ledger' });
let code = 0;
try {
  const result = await database.db.transaction(async (tx) => {
    // Fail loudly rather than check nothing: with row security off, a role that cannot
    // bypass the tenant policies gets an error instead of an empty view.
    await tx.execute(sql`set transaction read only`);
    await tx.execute(sql`set local row_security = off`);
    return checkLedger(tx);
  });
  const { violations, companies, entries, lines, invoices } = result;
  process.stdout.write(`checked ${companies} companies, ${entries} entries, ${lines} lines, ${invoices} invoices\n`);
  if (violations.length === 0) {
    process.stdout.write(`ok: all ${Object.keys(RULES).length} ledger invariants hold\n`);
  } else {
    code = 1;
    const byRule = new Map<Rule, typeof violations>();
    for (const v of violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
    for (const [rule, list] of byRule) {
      process.stdout.write(`\nVIOLATED ${rule}: ${RULES[rule]}\n`);
      for (const v of list.slice(0, 50)) process.stdout.write(`  company ${v.companyId}${v.objectId ? ` object ${v.objectId}` : ''}: ${v.detail}\n`);
      if (list.length > 50) process.stdout.write(`  … and ${list.length - 50} more\n`);
    }
    process.stdout.write(`\n${violations.length} violation(s). See docs/ledger.md, "When the checker fails".\n`);
  }
} catch (err) {
  code = 2;
  process.stderr.write(`check:ledger could not run: ${(err as Error).message}\n` +
    'It needs the database owner (MIGRATION_DATABASE_URL or DATABASE_URL) with the right to bypass row-level security (a superuser or BYPASSRLS).\n');
} finally {
  await database.close();
}
process.exit(code);
