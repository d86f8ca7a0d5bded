/**
 * The ledger's invariants, checked from the data itself (docs/ledger.md):
 * tests call `checkLedger` after every scenario, and `npm run check:ledger`
 * runs it as the database owner over every company. Each rule is one query
 * that returns the rows breaking it, so a violation names what to look at.
 *
 * Run it on a connection that sees every company (the owner, with row-level
 * security off) or inside one company's tenant transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client';

export interface Violation {
  rule: Rule;
  companyId: string;
  /** The entry, invoice or client the violation is about, when it is about one. */
  objectId: string | null;
  detail: string;
}

export const RULES = {
  entry_unbalanced: 'Every entry has at least two lines and its debits equal its credits.',
  trial_balance: 'Per company and currency, all debits equal all credits.',
  line_crosses_company: 'A line belongs to its entry’s company, its account is that company’s, and it carries its entry’s date.',
  ar_matches_open_invoices: 'Per company and currency, the A/R account equals the sum of open invoice balances (sent, partially paid).',
  invoice_ar_matches_balance: 'Each invoice’s A/R lines sum to its stored balance (a void invoice to zero).',
  invoice_balance_derived: 'Each invoice’s balance = total − payments applied − credit applied (void = 0); a draft has no money against it.',
  invoice_status_matches_balance: 'A sent or partially paid invoice owes something; a paid one owes nothing.',
  client_credit_cache: 'Each client’s credit_cents equals the sum of its credit ledger.',
  customer_credits_match_clients: 'Per company and currency, the customer credits account equals the sum of client credit ledgers.',
  money_in_its_currency: 'A payment is in its invoice’s currency; client credit moves only on invoices in the client’s currency (credit is never converted).',
  rollups_match_lines: 'Each rollup (company, currency, account, day) equals the sum of the lines folded into it, and every folded line is in one.',
} as const;
export type Rule = keyof typeof RULES;

export interface CheckResult {
  violations: Violation[];
  companies: number;
  entries: number;
  lines: number;
  invoices: number;
}

type Row = { company_id: string; object_id: string | null; detail: string };

/** Every invariant over the companies this connection sees (or just `companyId`). */
export async function checkLedger(db: Executor, opts: { companyId?: string } = {}): Promise<CheckResult> {
  const only = (col: SQL) => (opts.companyId ? sql`and ${col} = ${opts.companyId}::uuid` : sql``);
  const queries: Record<Rule, SQL> = {
    entry_unbalanced: sql`
      select e.company_id, e.id as object_id,
             format('entry %s (%s %s, %s) has %s lines, debits %s, credits %s', e.id, e.source_type, e.source_id, e.entry_date, count(l.id), coalesce(sum(l.debit_cents), 0), coalesce(sum(l.credit_cents), 0)) as detail
      from journal_entries e left join journal_lines l on l.entry_id = e.id
      where true ${only(sql`e.company_id`)}
      group by e.id
      having count(l.id) < 2 or coalesce(sum(l.debit_cents), 0) <> coalesce(sum(l.credit_cents), 0)`,
    trial_balance: sql`
      select e.company_id, null as object_id, format('%s: debits %s, credits %s', e.currency, sum(l.debit_cents), sum(l.credit_cents)) as detail
      from journal_lines l join journal_entries e on e.id = l.entry_id
      where true ${only(sql`e.company_id`)}
      group by e.company_id, e.currency
      having sum(l.debit_cents) <> sum(l.credit_cents)`,
    line_crosses_company: sql`
      select l.company_id, l.id as object_id,
             format('line %s: line company %s, entry company %s, account company %s, line date %s, entry date %s', l.id, l.company_id, e.company_id, a.company_id, l.entry_date, e.entry_date) as detail
      from journal_lines l join journal_entries e on e.id = l.entry_id join accounts a on a.id = l.account_id
      where (l.company_id <> e.company_id or a.company_id <> l.company_id or l.entry_date <> e.entry_date)
        ${opts.companyId ? sql`and (l.company_id = ${opts.companyId}::uuid or e.company_id = ${opts.companyId}::uuid)` : sql``}`,
    ar_matches_open_invoices: sql`
      with ledger as (
        select e.company_id, e.currency, sum(l.debit_cents - l.credit_cents) as cents
        from journal_lines l join journal_entries e on e.id = l.entry_id join accounts a on a.id = l.account_id
        where a.system_role = 'accounts_receivable' ${only(sql`e.company_id`)}
        group by 1, 2),
      open as (
        select company_id, currency, sum(balance_cents) as cents from documents
        where kind = 'invoice' and status in ('sent', 'partially_paid') and deleted_at is null ${only(sql`company_id`)}
        group by 1, 2)
      select coalesce(ledger.company_id, open.company_id) as company_id, null as object_id,
             format('%s: A/R account %s, open invoices %s', coalesce(ledger.currency, open.currency), coalesce(ledger.cents, 0), coalesce(open.cents, 0)) as detail
      from ledger full join open on open.company_id = ledger.company_id and open.currency = ledger.currency
      where coalesce(ledger.cents, 0) <> coalesce(open.cents, 0)`,
    invoice_ar_matches_balance: sql`
      with ledger as (
        select e.document_id, sum(l.debit_cents - l.credit_cents) as cents
        from journal_lines l join journal_entries e on e.id = l.entry_id join accounts a on a.id = l.account_id
        where a.system_role = 'accounts_receivable' and e.document_id is not null ${only(sql`e.company_id`)}
        group by 1)
      select d.company_id, d.id as object_id, format('invoice %s (%s): A/R lines %s, stored balance %s', d.number, d.status, coalesce(ledger.cents, 0), d.balance_cents) as detail
      from documents d left join ledger on ledger.document_id = d.id
      where d.kind = 'invoice' and d.status <> 'draft' ${only(sql`d.company_id`)}
        and coalesce(ledger.cents, 0) <> d.balance_cents`,
    invoice_balance_derived: sql`
      with paid as (select document_id, sum(applied_cents) as cents from payments where true ${only(sql`company_id`)} group by 1),
           credited as (select document_id, sum(amount_cents) as cents from credit_applications where true ${only(sql`company_id`)} group by 1)
      select d.company_id, d.id as object_id,
             format('invoice %s (%s): total %s − payments %s − credit %s = %s, stored %s', d.number, d.status, d.total_cents, coalesce(paid.cents, 0), coalesce(credited.cents, 0),
                    case when d.status = 'void' then 0 else d.total_cents - coalesce(paid.cents, 0) - coalesce(credited.cents, 0) end, d.balance_cents) as detail
      from documents d left join paid on paid.document_id = d.id left join credited on credited.document_id = d.id
      where d.kind = 'invoice' ${only(sql`d.company_id`)}
        and (d.balance_cents <> case when d.status = 'void' then 0 else d.total_cents - coalesce(paid.cents, 0) - coalesce(credited.cents, 0) end
             or (d.status = 'draft' and (paid.cents is not null or credited.cents is not null)))`,
    invoice_status_matches_balance: sql`
      select company_id, id as object_id, format('invoice %s is %s with balance %s of %s', number, status, balance_cents, total_cents) as detail
      from documents
      where kind = 'invoice' ${only(sql`company_id`)}
        and ((status in ('sent', 'partially_paid') and balance_cents = 0 and total_cents > 0) or (status = 'paid' and balance_cents <> 0))`,
    client_credit_cache: sql`
      select c.company_id, c.id as object_id, format('client %s: credit_cents %s, credit ledger %s', c.name, c.credit_cents, coalesce(sum(x.amount_cents), 0)) as detail
      from clients c left join client_credit_entries x on x.client_id = c.id and x.company_id = c.company_id
      where true ${only(sql`c.company_id`)}
      group by c.id
      having c.credit_cents <> coalesce(sum(x.amount_cents), 0)`,
    customer_credits_match_clients: sql`
      with ledger as (
        select e.company_id, e.currency, sum(l.credit_cents - l.debit_cents) as cents
        from journal_lines l join journal_entries e on e.id = l.entry_id join accounts a on a.id = l.account_id
        where a.system_role = 'customer_credits' ${only(sql`e.company_id`)}
        group by 1, 2),
      clients as (
        select x.company_id, d.currency, sum(x.amount_cents) as cents
        from client_credit_entries x join documents d on d.id = x.document_id
        where true ${only(sql`x.company_id`)}
        group by 1, 2)
      select coalesce(ledger.company_id, clients.company_id) as company_id, null as object_id,
             format('%s: customer credits account %s, client credit ledgers %s', coalesce(ledger.currency, clients.currency), coalesce(ledger.cents, 0), coalesce(clients.cents, 0)) as detail
      from ledger full join clients on clients.company_id = ledger.company_id and clients.currency = ledger.currency
      where coalesce(ledger.cents, 0) <> coalesce(clients.cents, 0)`,
    money_in_its_currency: sql`
      select p.company_id, p.id as object_id, format('payment %s on %s is in %s, the invoice in %s', p.id, d.number, p.currency, d.currency) as detail
      from payments p join documents d on d.id = p.document_id
      where p.currency <> d.currency ${only(sql`p.company_id`)}
      union all
      select x.company_id, x.client_id, format('client %s (%s): credit of %s moved on %s, which is in %s', c.name, c.currency, x.amount_cents, d.number, d.currency)
      from client_credit_entries x join documents d on d.id = x.document_id join clients c on c.id = x.client_id
      where d.currency <> c.currency ${only(sql`x.company_id`)}`,
    rollups_match_lines: sql`
      with folded as (
        select l.company_id, e.currency, l.account_id, l.entry_date as day, sum(l.debit_cents) as debit, sum(l.credit_cents) as credit
        from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_folds f on f.company_id = l.company_id
        where l.seq <= f.folded_through ${only(sql`l.company_id`)}
        group by 1, 2, 3, 4),
      rollups as (select * from ledger_rollups where true ${only(sql`company_id`)})
      select coalesce(r.company_id, f.company_id) as company_id, coalesce(r.account_id, f.account_id) as object_id,
             format('%s %s on %s: rollup debits %s credits %s, folded lines debits %s credits %s', coalesce(r.currency, f.currency), coalesce(r.account_id, f.account_id),
                    coalesce(r.day, f.day), coalesce(r.debit_cents, 0), coalesce(r.credit_cents, 0), coalesce(f.debit, 0), coalesce(f.credit, 0)) as detail
      from rollups r full join folded f on f.company_id = r.company_id and f.currency = r.currency and f.account_id = r.account_id and f.day = r.day
      where coalesce(r.debit_cents, 0) <> coalesce(f.debit, 0) or coalesce(r.credit_cents, 0) <> coalesce(f.credit, 0)`,
  };

  const violations: Violation[] = [];
  for (const [rule, query] of Object.entries(queries) as [Rule, SQL][]) {
    const rows = await db.execute<Row>(query);
    for (const r of rows) violations.push({ rule, companyId: r.company_id, objectId: r.object_id, detail: r.detail });
  }
  const [stats] = await db.execute<{ companies: number; entries: number; lines: number; invoices: number }>(sql`select
    (select count(*)::int from companies where true ${only(sql`id`)}) as companies,
    (select count(*)::int from journal_entries where true ${only(sql`company_id`)}) as entries,
    (select count(*)::int from journal_lines where true ${only(sql`company_id`)}) as lines,
    (select count(*)::int from documents where kind = 'invoice' ${only(sql`company_id`)}) as invoices`);
  return { violations, ...stats! };
}
