/**
 * Row-level security alone keeps companies apart: these queries carry no
 * company filter of their own. A meta-test fails when a table with
 * company_id lacks a forced policy, or when the app's role could sidestep them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrder, type Tx } from '../../db/client';
import { withScope } from '../../db/tenant';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
/** Why PostgreSQL refused a statement (drizzle wraps the server's error as the cause), or 'ok'. */
const refusal = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
let a: { companyId: string; userId: string; cookie: string };
let b: { companyId: string; userId: string; cookie: string };

async function signup(email: string, companyName: string) {
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email, password: 'correct horse battery', companyName } });
  const body = await json(res);
  return { companyId: body.company.id as string, userId: body.user.id as string, cookie: sessionCookie(res) };
}

async function tenantTables(): Promise<string[]> {
  const rows = await env.owner.db.execute<{ relname: string }>(sql`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'company_id' and not a.attisdropped)
    order by 1`);
  return rows.map((r) => r.relname);
}

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  a = await signup('a@example.com', 'Company A');
  b = await signup('b@example.com', 'Company B');
  // Give A rows in every kind of tenant table: provisioning, an invitation, audit events.
  await env.request('/api/v1/company/invitations', { method: 'POST', json: { email: 'new@example.com', role: 'staff' }, cookie: a.cookie });
  await env.request('/api/v1/company', { method: 'PATCH', json: { name: 'Company A (renamed)' }, cookie: a.cookie });
  for (const who of [a, b]) {
    await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie: who.cookie }))).status === 'complete' ? true : undefined));
  }
});
afterAll(async () => { await env?.close(); });

describe('meta', () => {
  it('every table with company_id (and companies itself) has RLS enabled, forced, and a policy', async () => {
    const tables = [...(await tenantTables()), 'companies'];
    expect(tables.length).toBeGreaterThanOrEqual(8);
    const rows = await env.owner.db.execute<{ relname: string; enabled: boolean; forced: boolean; policies: number }>(sql`
      select c.relname, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = any(string_to_array(${tables.join(',')}, ','))`);
    const weak = rows.filter((r) => !r.enabled || !r.forced || r.policies === 0).map((r) => r.relname);
    expect(weak).toEqual([]);
    expect(rows).toHaveLength(tables.length);
  });

  it('the app connects as a role that is not superuser, cannot bypass RLS and owns nothing', async () => {
    const [role] = await env.database.db.execute<{ name: string; superuser: boolean; bypass: boolean; owned: number }>(sql`
      select current_user as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
      from pg_roles r where r.rolname = current_user`);
    expect(role).toEqual({ name: 'ez360pm_app', superuser: false, bypass: false, owned: 0 });
    const [member] = await env.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and pg_has_role(current_user, c.relowner, 'MEMBER')`);
    expect(member!.n).toBe(0);
  });
});

describe('sweep with the application filter bypassed', () => {
  const asB = <T>(fn: (tx: Tx) => Promise<T>) => withScope(env.database.db, { companyId: b.companyId, userId: b.userId }, fn);

  it('A really has rows in the tenant tables', async () => {
    for (const table of ['accounts', 'numbering_schemes', 'document_templates', 'company_settings', 'invitations', 'audit_events', 'memberships']) {
      const [row] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where company_id = ${a.companyId}`);
      expect(row!.n, table).toBeGreaterThan(0);
    }
  });

  it('B reads no row of A from any tenant table, nor A itself', async () => {
    for (const table of await tenantTables()) {
      const rows = await asB((tx) => tx.execute<{ company_id: string }>(sql`select company_id::text from ${sql.identifier(table)}`));
      expect(rows.filter((r) => r.company_id !== b.companyId), table).toEqual([]);
    }
    const companies = await asB((tx) => tx.execute<{ id: string }>(sql`select id::text from companies`));
    expect(companies.map((c) => c.id)).toEqual([b.companyId]);
  });

  it('the scope reaches a transaction ahead of its first statement, however that statement is sent', async () => {
    const seen = (rows: { c: string | null }[]) => rows[0]!.c;
    const q = sql`select current_setting('app.company_id', true) as c`;
    // Sent at once (.execute()), awaited as a builder, inside Promise.all, after an await of its own.
    expect(seen(await asB((tx) => tx.execute<{ c: string | null }>(q).execute()))).toBe(b.companyId);
    expect(seen(await asB(async (tx) => tx.execute<{ c: string | null }>(q)))).toBe(b.companyId);
    expect(seen((await asB((tx) => Promise.all([tx.execute<{ c: string | null }>(q).execute()])))[0])).toBe(b.companyId);
    expect(seen(await asB(async (tx) => { await Promise.resolve(); return tx.execute<{ c: string | null }>(q).execute(); }))).toBe(b.companyId);
  });

  it('statements sent with inOrder run in the order given, each seeing what the one before did', async () => {
    const seen = await asB((tx) => inOrder(
      ...['a', 'b', 'c'].flatMap((v) => [
        tx.execute(sql`select set_config('test.step', ${v}, true)`),
        tx.execute<{ v: string }>(sql`select current_setting('test.step', true) as v`),
      ]),
    ));
    expect(seen.filter((_, i) => i % 2 === 1).map((rows) => (rows as unknown as { v: string }[])[0]!.v)).toEqual(['a', 'b', 'c']);
  });

  it("a report's transaction (readOnly) is scoped, one snapshot, plans each statement for its values and writes nothing; customPlans alone only plans", async () => {
    const count = (tx: Tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_events`).then((r) => r[0]!.n);
    const seen = await withScope(env.database.db, { companyId: b.companyId }, async (tx) => {
      const [mode] = await tx.execute<{ c: string; iso: string; plans: string }>(sql`select current_setting('app.company_id', true) as c,
        current_setting('transaction_isolation') as iso, current_setting('plan_cache_mode') as plans`);
      const before = await count(tx);
      // Committed meanwhile by another transaction: not in this one's snapshot.
      await withScope(env.database.db, { companyId: b.companyId }, (other) => other.execute(sql`insert into audit_events (company_id, action, object_type) values (${b.companyId}, 'test.snapshot', 'test')`));
      return { ...mode, before, after: await count(tx) };
    }, { readOnly: true });
    expect(seen).toMatchObject({ c: b.companyId, iso: 'repeatable read', plans: 'force_custom_plan' });
    expect(seen.after).toBe(seen.before);
    const write = withScope(env.database.db, { companyId: b.companyId }, (tx) => tx.execute(sql`insert into audit_events (company_id, action, object_type) values (${b.companyId}, 'test.write', 'test')`), { readOnly: true });
    expect(await refusal(write)).toMatch(/read-only transaction/);
    // Custom plans alone (a fold): planned for its values, otherwise an ordinary transaction.
    const [fold] = await withScope(env.database.db, { companyId: b.companyId }, (tx) => tx.execute<{ iso: string; ro: string; plans: string }>(sql`select
      current_setting('transaction_isolation') as iso, current_setting('transaction_read_only') as ro, current_setting('plan_cache_mode') as plans`), { customPlans: true });
    expect(fold).toEqual({ iso: 'read committed', ro: 'off', plans: 'force_custom_plan' });
  });

  it('with no company set, nothing is visible', async () => {
    for (const table of await tenantTables()) {
      const rows = await withScope(env.database.db, {}, (tx) => tx.execute(sql`select 1 from ${sql.identifier(table)}`));
      expect(rows, table).toHaveLength(0);
    }
  });

  it('B can neither change, delete nor plant rows of A', async () => {
    // Rows touched: 0, or the statement refused outright (append-only tables).
    const touched = (statement: ReturnType<typeof sql>) =>
      asB((tx) => tx.execute(statement)).then((rows) => rows.length, () => 0);
    for (const table of await tenantTables()) {
      expect(await touched(sql`update ${sql.identifier(table)} set company_id = company_id where company_id = ${a.companyId} returning 1`), table).toBe(0);
      expect(await touched(sql`delete from ${sql.identifier(table)} where company_id = ${a.companyId} returning 1`), table).toBe(0);
    }
    expect(await refusal(asB((tx) => tx.execute(sql`insert into accounts (company_id, code, name, type) values (${a.companyId}, '9999', 'Planted', 'asset')`))))
      .toMatch(/row-level security/);
    expect(await refusal(asB((tx) => tx.execute(sql`insert into memberships (company_id, user_id, role) values (${a.companyId}, ${b.userId}, 'owner')`))))
      .toMatch(/row-level security/);
    const [count] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from accounts where company_id = ${a.companyId} and code = '9999'`);
    expect(count!.n).toBe(0);
  });

  it('audit events are append-only for everyone, the owner included', async () => {
    expect(await refusal(env.owner.db.execute(sql`update audit_events set action = 'forged'`))).toMatch(/append-only/);
    expect(await refusal(env.owner.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await refusal(withScope(env.database.db, { companyId: a.companyId }, (tx) => tx.execute(sql`delete from audit_events`)))).toMatch(/permission denied/);
  });
});
