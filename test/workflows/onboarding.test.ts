/**
 * Onboarding is idempotent end to end: running the whole workflow a second
 * time for the same company, or any single activity again (a retry), creates
 * nothing and changes nothing. With RECORD_HISTORIES=1 the first run's history
 * is saved for the replay test.
 */
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOnboardingActivities } from '../../activities/onboarding';
import { createAccount } from '../../db/identity';
import { setOnboardingStatus } from '../../db/onboarding';
import { withTenant } from '../../db/tenant';
import { DEFAULT_CHART } from '../../domain/accounts';
import { DEFAULT_NUMBERING } from '../../domain/numbering';
import { DEFAULT_TEMPLATES, onboardingWorkflowId } from '../../domain/onboarding';
import type { onboarding } from '../../workflows/onboarding';
import { startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
beforeAll(async () => { env = await startTestEnv({ worker: true }); });
afterAll(async () => { await env?.close(); });

async function newCompany(name: string) {
  const { company } = await createAccount(env.database.db, { email: `${name}@example.com`, passwordHash: 'x', companyName: name });
  return company.id;
}

/** Every provisioned row of one company, with timestamps, so any rewrite would show. */
async function snapshot(companyId: string) {
  const db = env.owner.db;
  return {
    company: await db.execute(sql`select * from companies where id = ${companyId}`),
    numbering: await db.execute(sql`select * from numbering_schemes where company_id = ${companyId} order by kind`),
    accounts: await db.execute(sql`select * from accounts where company_id = ${companyId} order by code`),
    templates: await db.execute(sql`select * from document_templates where company_id = ${companyId} order by kind, name`),
    settings: await db.execute(sql`select * from company_settings where company_id = ${companyId}`),
  };
}

function run(companyId: string) {
  return env.temporal.workflow.execute<typeof onboarding>('onboarding', {
    workflowId: onboardingWorkflowId(companyId), taskQueue: env.settings.TEMPORAL_TASK_QUEUE, args: [{ companyId }],
  });
}

it('provisions a company once; a second run of the workflow changes nothing', async () => {
  const companyId = await newCompany('twice');
  const first = await run(companyId);
  expect(first.created).toEqual({
    numbering: DEFAULT_NUMBERING.length, accounts: DEFAULT_CHART.length, templates: DEFAULT_TEMPLATES.length, financials: 1,
  });
  if (process.env.RECORD_HISTORIES) {
    const history = await env.temporal.workflow.getHandle(onboardingWorkflowId(companyId)).fetchHistory();
    writeFileSync(new URL('./histories/onboarding.json', import.meta.url), historyToJSON(history));
  }
  const after = await snapshot(companyId);
  expect(after.company[0]).toMatchObject({ onboarding_status: 'complete' });
  expect(after.accounts.map((a) => a.code)).toEqual(DEFAULT_CHART.map((a) => a.code));

  const second = await run(companyId);
  expect(second.created).toEqual({ numbering: 0, accounts: 0, templates: 0, financials: 0 });
  expect(await snapshot(companyId)).toEqual(after);
});

it('each activity is idempotent on its own, as a retry would run it', async () => {
  const companyId = await newCompany('retry');
  const acts = createOnboardingActivities({ db: env.database.db });
  const steps = [acts.provisionNumbering, acts.provisionChartOfAccounts, acts.provisionDocumentTemplates, acts.provisionFinancialDefaults];
  const firsts = await Promise.all(steps.map((s) => s({ companyId })));
  expect(firsts.every((n) => n > 0)).toBe(true);
  const before = await snapshot(companyId);
  // Concurrent retries too: the unique keys decide, not timing.
  const again = await Promise.all(steps.flatMap((s) => [s({ companyId }), s({ companyId })]));
  expect(again).toEqual(new Array(8).fill(0));
  expect(await snapshot(companyId)).toEqual(before);
});

it('keeps each company to its own rows', async () => {
  const a = await newCompany('tenant-a');
  const b = await newCompany('tenant-b');
  await Promise.all([run(a), run(b)]);
  const [sa, sb] = [await snapshot(a), await snapshot(b)];
  expect(sa.accounts.every((r) => r.company_id === a)).toBe(true);
  expect(sb.accounts.every((r) => r.company_id === b)).toBe(true);
  expect(sa.accounts).toHaveLength(DEFAULT_CHART.length);
});

it('status only moves forward: a late "running" never undoes "complete"; a failed run may resume', async () => {
  const companyId = await newCompany('status');
  const status = async () => (await env.owner.db.execute<{ s: string }>(sql`select onboarding_status as s from companies where id = ${companyId}`))[0]!.s;
  const set = (s: 'running' | 'failed' | 'complete') => withTenant(env.database.db, companyId, (tx) => setOnboardingStatus(tx, companyId, s));
  await set('running');
  await set('failed');
  expect(await status()).toBe('failed');
  await set('running');
  expect(await status()).toBe('running');
  await set('complete');
  await set('running');
  await set('failed');
  expect(await status()).toBe('complete');
});
