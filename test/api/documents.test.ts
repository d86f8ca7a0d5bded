import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { signUpCompany } from '../support/company';
import { json, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
let cookie = '';
let companyId = '';
let clientId = '';
let other = '';
const post = (path: string, body: unknown, c = cookie) => env.request(path, { method: 'POST', cookie: c, json: body });
const count = async () => (await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from documents`))[0]!.n;


beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  ({ cookie, companyId } = await signUpCompany(env, 'docs@example.com'));
  clientId = (await json(await post('/api/v1/clients', { kind: 'business', name: 'Initech', paymentTermsDays: 15 }))).id;
  other = (await signUpCompany(env, 'other-docs@example.com')).cookie;
});
afterAll(async () => { await env?.close(); });

const workedLines = [
  { description: 'Design, hours', quantity: '3', unitPrice: '125.00', taxable: true, taxRate: '8.25' },
  { description: 'Review', quantity: '0.333', unitPrice: '100', taxable: true, taxRate: '8.25' },
  { description: 'Stock photos', quantity: '2.5', unitPrice: '19.99', taxable: true, taxRate: '5' },
  { description: 'Hosting setup', quantity: '1', unitPrice: '50', taxable: false },
];

it('creates a draft invoice with server-computed totals, a gap-free number and due date from the client’s terms', async () => {
  const res = await post('/api/v1/documents', { kind: 'invoice', clientId, issueDate: '2026-11-20', lines: workedLines, notes: 'Thanks!' });
  expect(res.status).toBe(201);
  const inv = await json(res);
  expect(inv).toMatchObject({
    number: 'INV-2026-0001', status: 'draft', locked: false, issueDate: '2026-11-20', dueDate: '2026-12-05', currency: 'USD',
    subtotalCents: 50828, discountCents: 0, taxCents: 3618, totalCents: 54446, balanceCents: 54446,
  });
  expect(inv.lines.map((l: { netCents: number }) => l.netCents)).toEqual([37500, 3330, 4998, 5000]);
  expect((await json(await post('/api/v1/documents', { kind: 'invoice', clientId, issueDate: '2026-11-21', lines: [] }))).number).toBe('INV-2026-0002');
  expect((await json(await post('/api/v1/documents', { kind: 'estimate', clientId, issueDate: '2026-11-21', lines: [] }))).number).toBe('EST-2026-0001');
});

it('recomputes totals when a draft changes', async () => {
  const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, issueDate: '2026-11-22', lines: workedLines }));
  const edited = await json(await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: { discount: { kind: 'percent', percent: '10' } } }));
  // 10% of 508.28 = 50.828 → 50.83 shared by net; tax re-based per rate.
  expect(edited).toMatchObject({ subtotalCents: 50828, discountCents: 5083, totalCents: edited.subtotalCents - 5083 + edited.taxCents });
  expect(edited.taxCents).toBeLessThan(3618);
});

it('lists newest first across numbering periods, each document once, page by page', async () => {
  // INV-{YYYY}-{####} restarts each year, so INV-2027-0001 is newer than INV-2025-0003 though its sequence is lower.
  const year = await json(await post('/api/v1/clients', { kind: 'business', name: 'Year End Ltd', paymentTermsDays: 30 }));
  const made: string[] = [];
  for (const issueDate of ['2025-12-29', '2025-12-30', '2025-12-31', '2027-01-02', '2027-01-03']) {
    made.push((await json(await post('/api/v1/documents', { kind: 'invoice', clientId: year.id, issueDate, lines: workedLines }))).number);
  }
  expect(made.slice(2, 4)).toEqual(['INV-2025-0003', 'INV-2027-0001']);
  const seen: string[] = [];
  let cursor = '';
  do {
    const res = await json(await env.request(`/api/v1/documents?kind=invoice&clientId=${year.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie }));
    seen.push(...res.items.map((d: { number: string }) => d.number));
    cursor = res.nextCursor ?? '';
  } while (cursor);
  expect(seen).toEqual([...made].reverse());

  // A draft keeps its number's year: moved into another, it would carry a number out of that year's sequence.
  const last = (await json(await env.request(`/api/v1/documents?kind=invoice&clientId=${year.id}&limit=1`, { cookie }))).items[0];
  const moved = await env.request(`/api/v1/documents/${last.id}`, { method: 'PATCH', cookie, json: { issueDate: '2026-12-30' } });
  expect([moved.status, (await json(moved)).error.code]).toEqual([422, 'NUMBERING_PERIOD']);
  expect((await env.request(`/api/v1/documents/${last.id}`, { method: 'PATCH', cookie, json: { issueDate: '2027-02-01' } })).status).toBe(200);
});

it('refuses bad lines and another company’s client, writing nothing', async () => {
  const before = await count();
  const badPrice = await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [{ description: 'x', quantity: '1', unitPrice: 'lots' }] });
  expect((await json(badPrice)).error.fields['lines.0.unitPrice']).toBeDefined();
  const badQty = await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [{ description: 'x', quantity: '1.2345', unitPrice: '1' }] });
  expect((await json(badQty)).error.fields.lines).toMatch(/3 decimals/);
  const badTax = await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [{ description: 'x', quantity: '1', unitPrice: '1', taxRate: '120' }] });
  expect(badTax.status).toBe(400);
  expect((await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [] }, other)).status).toBe(404);
  expect(await count()).toBe(before);
});

it('once locked, refuses money, lines and dates in the API and in the database, but not its notes', async () => {
  const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: workedLines }));
  await env.owner.db.execute(sql`update documents set status = 'sent' where id = ${inv.id}`);
  for (const change of [{ lines: [] }, { dueDate: '2027-01-01' }, { discount: { kind: 'amount', amount: '5' } }, { clientId }]) {
    const res = await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: change });
    expect(res.status).toBe(409);
    expect((await json(res)).error.code).toBe('INVOICE_LOCKED');
  }
  const notes = await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: { notes: 'Paid by wire, please' } });
  expect((await json(notes)).notes).toBe('Paid by wire, please');
  expect((await env.request(`/api/v1/documents/${inv.id}`, { method: 'DELETE', cookie })).status).toBe(409);

  // Behind the API, the database itself refuses — even for the owner.
  const refusal = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
  expect(await refusal(withTenant(env.database.db, companyId, (tx) => tx.execute(sql`update documents set total_cents = 1, balance_cents = 1 where id = ${inv.id}`)))).toMatch(/INVOICE_LOCKED/);
  expect(await refusal(env.owner.db.execute(sql`delete from document_lines where document_id = ${inv.id}`))).toMatch(/INVOICE_LOCKED/);
  expect(await refusal(env.owner.db.execute(sql`update documents set status = 'paid', balance_cents = 0 where id = ${inv.id}`))).toBe('ok');
  const [row] = await env.owner.db.execute<{ total_cents: number; lines: number }>(sql`select total_cents, (select count(*)::int from document_lines where document_id = ${inv.id}) as lines from documents where id = ${inv.id}`);
  expect(row).toEqual({ total_cents: 54446, lines: 4 });
});

it('bills approved time: lines by service at its rate, rounded by the billing rule; entries become billed, once', async () => {
  await env.request('/api/v1/company/time-settings', { method: 'PATCH', cookie, json: { roundingIncrementMinutes: 15, roundingMode: 'up' } });
  const design = await json(await post('/api/v1/catalog', { type: 'service', name: 'Design', rate: '125', taxable: true }));
  const project = await json(await post('/api/v1/projects', { name: 'Web', billingType: 'hourly', hourlyRate: '150', clientId }));
  const entry = async (body: object, approve = true) => {
    const e = await json(await post('/api/v1/time-entries', { projectId: project.id, date: '2026-11-16', ...body }));
    if (approve) {
      await post(`/api/v1/time-entries/${e.id}/submit`, undefined);
      await post(`/api/v1/time-entries/${e.id}/approve`, undefined);
    }
    return e.id as string;
  };
  const billable = [await entry({ catalogItemId: design.id, hours: '1:07' }), await entry({ catalogItemId: design.id, hours: '0:50' }), await entry({ hours: '2' })];
  await entry({ hours: '3' }, false); // still a draft: not billed
  await entry({ hours: '4', billable: false }); // approved but not billable

  const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [] }));
  const res = await post(`/api/v1/documents/${inv.id}/time`, {});
  expect(res.status).toBe(200);
  const { document, billedEntries } = await json(res);
  expect(billedEntries).toBe(3);
  // Design: 1:07→1:15 and 0:50→1:00 bill 2.25 h × $125; no service: 2 h × the project's $150.
  expect(document.lines.map((l: { description: string; quantity: string; unitPriceCents: number; netCents: number }) => [l.description, l.quantity, l.unitPriceCents, l.netCents])).toEqual([
    ['Design — P-00001 · Web', '2.250', 12500, 28125],
    ['Time — P-00001 · Web', '2.000', 15000, 30000],
  ]);
  expect(document.totalCents).toBe(58125);

  const statuses = await env.owner.db.execute<{ id: string; status: string; billed_document_id: string | null; duration_seconds: number }>(
    sql`select id, status, billed_document_id, duration_seconds from time_entries where project_id = ${project.id} order by created_at`);
  expect(statuses.map((r) => [r.status, r.billed_document_id])).toEqual([
    ['billed', inv.id], ['billed', inv.id], ['billed', inv.id], ['draft', null], ['approved', null],
  ]);
  expect(statuses[0]!.duration_seconds).toBe(4020); // raw time untouched by rounding

  // Again: nothing left to bill, nothing changes.
  const again = await json(await post(`/api/v1/documents/${inv.id}/time`, {}));
  expect(again).toMatchObject({ billedEntries: 0, document: { totalCents: 58125 } });
  // Billed time is locked.
  expect((await env.request(`/api/v1/time-entries/${billable[0]}`, { method: 'PATCH', cookie, json: { notes: 'x' } })).status).toBe(409);

  // The project moves to another client: its unbilled time goes with it (billed time stays on the invoice that charged it).
  const other = await json(await post('/api/v1/clients', { kind: 'business', name: 'Next Owner LLC', currency: 'USD' }));
  const later = await entry({ hours: '1' });
  expect((await env.request(`/api/v1/projects/${project.id}`, { method: 'PATCH', cookie, json: { clientId: other.id } })).status).toBe(200);
  const owners = await env.owner.db.execute<{ status: string; client_id: string }>(sql`select status, client_id from time_entries where project_id = ${project.id} order by created_at`);
  expect(owners.map((r) => [r.status, r.client_id === other.id ? 'new' : 'old'])).toEqual([
    ['billed', 'old'], ['billed', 'old'], ['billed', 'old'], ['draft', 'new'], ['approved', 'new'], ['approved', 'new'],
  ]);
  const theirs = await json(await post('/api/v1/documents', { kind: 'invoice', clientId: other.id, lines: [] }));
  const billedThere = await json(await post(`/api/v1/documents/${theirs.id}/time`, {}));
  expect(billedThere.billedEntries).toBe(1);
  expect((await env.owner.db.execute<{ status: string }>(sql`select status from time_entries where id = ${later}`))[0]!.status).toBe('billed');
  await env.request('/api/v1/company/time-settings', { method: 'PATCH', cookie, json: { roundingIncrementMinutes: 0 } });
});

it("time billed on an invoice goes back to approved when its draft is deleted or the invoice voided, and keeps the draft with its client", async () => {
  const project = await json(await post('/api/v1/projects', { name: 'Retainer', billingType: 'hourly', hourlyRate: '100', clientId }));
  const approvedEntry = async () => {
    const e = await json(await post('/api/v1/time-entries', { projectId: project.id, date: '2026-11-17', hours: '1' }));
    await post(`/api/v1/time-entries/${e.id}/submit`, undefined);
    await post(`/api/v1/time-entries/${e.id}/approve`, undefined);
    return e.id as string;
  };
  const status = async (id: string) => (await env.owner.db.execute<{ status: string; billed_document_id: string | null }>(sql`select status, billed_document_id from time_entries where id = ${id}`))[0];
  const billOnNewDraft = async (entryId: string) => {
    const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [] }));
    expect((await json(await post(`/api/v1/documents/${inv.id}/time`, { entryIds: [entryId] }))).billedEntries).toBe(1);
    return inv.id as string;
  };

  const first = await approvedEntry();
  const draft = await billOnNewDraft(first);
  // The draft bills this client's time: it stays this client's.
  const otherClient = await json(await post('/api/v1/clients', { kind: 'business', name: 'Elsewhere LLC', paymentTermsDays: 30 }));
  const moved = await env.request(`/api/v1/documents/${draft}`, { method: 'PATCH', cookie, json: { clientId: otherClient.id } });
  expect([moved.status, (await json(moved)).error.code]).toEqual([409, 'CLIENT_FIXED']);
  // Deleted, the draft gives its time back, to be billed again.
  expect((await env.request(`/api/v1/documents/${draft}`, { method: 'DELETE', cookie })).status).toBe(204);
  expect(await status(first)).toEqual({ status: 'approved', billed_document_id: null });
  const second = await billOnNewDraft(first);
  // Voided, too (a draft here; a sent invoice's void takes the same path in the lifecycle).
  expect((await env.request(`/api/v1/documents/${second}/void`, { method: 'POST', cookie, json: { reason: 'billed on the wrong invoice' } })).status).toBe(200);
  expect(await status(first)).toEqual({ status: 'approved', billed_document_id: null });
  const [voided] = await env.owner.db.execute<{ after: { timeEntriesReleased: number } }>(sql`select after from audit_events where object_id = ${second} and action = 'invoice.voided'`);
  expect(voided!.after.timeEntriesReleased).toBe(1);
});

it('time goes back to approved when the draft line that bills it is removed; edits that keep the line keep it billed', async () => {
  const site = await json(await post('/api/v1/projects', { name: 'Site', billingType: 'hourly', hourlyRate: '100', clientId }));
  const app = await json(await post('/api/v1/projects', { name: 'App', billingType: 'hourly', hourlyRate: '150', clientId }));
  const approved = async (projectId: string) => {
    const e = await json(await post('/api/v1/time-entries', { projectId, date: '2026-11-19', hours: '1' }));
    await post(`/api/v1/time-entries/${e.id}/submit`, undefined);
    await post(`/api/v1/time-entries/${e.id}/approve`, undefined);
    return e.id as string;
  };
  const state = async (id: string) => (await env.owner.db.execute<{ status: string; line: string | null }>(sql`select status, billed_line_id as line from time_entries where id = ${id}`))[0];
  const [siteA, siteB, appA] = [await approved(site.id), await approved(site.id), await approved(app.id)];
  const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [{ description: 'Setup fee', quantity: '1', unitPrice: '50' }] }));
  await post(`/api/v1/documents/${inv.id}/time`, { entryIds: [siteA, appA] });
  // Billed again later: the lines already there keep their ids, so the first entries stay linked.
  const billed = (await json(await post(`/api/v1/documents/${inv.id}/time`, { entryIds: [siteB] }))).document;
  type Line = { id: string; description: string; quantity: string; unitPriceCents: number };
  const lineOf = (text: string) => billed.lines.filter((l: Line) => l.description.includes(text)) as Line[];
  const appLine = lineOf('App')[0]!;
  expect((await state(appA))!.line).toBe(appLine.id);
  expect([(await state(siteA))!.line, (await state(siteB))!.line]).toEqual(lineOf('Site').map((l) => l.id));

  const asSent = (l: Line) => ({ id: l.id, description: l.description, quantity: l.quantity, unitPrice: (l.unitPriceCents / 100).toFixed(2) });
  // A discount alone, then a price change on the fee line: every line stays, so does every entry's link.
  await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: { discount: { kind: 'amount', amount: '5' } } });
  const fee = { ...asSent(billed.lines[0]), unitPrice: '60' };
  await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: { lines: [fee, ...billed.lines.slice(1).map(asSent)] } });
  for (const id of [siteA, siteB, appA]) expect((await state(id))!.status).toBe('billed');
  expect((await state(appA))!.line).toBe(appLine.id);

  // The App line removed (and a stranger's line id sent, which is not taken): its time is released, the Site time is not.
  const foreign = (await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: workedLines }))).lines[0].id;
  const res = await env.request(`/api/v1/documents/${inv.id}`, {
    method: 'PATCH', cookie, json: { lines: [fee, ...lineOf('Site').map(asSent), { id: foreign, description: 'Extra', quantity: '1', unitPrice: '1' }] },
  });
  expect(res.status).toBe(200);
  const after = await json(res);
  expect(after.lines.map((l: Line) => l.id).slice(0, 3)).toEqual([billed.lines[0].id, ...lineOf('Site').map((l) => l.id)]);
  expect(after.lines[3].id).not.toBe(foreign);
  expect(await state(appA)).toEqual({ status: 'approved', line: null });
  for (const id of [siteA, siteB]) expect((await state(id))!.status).toBe('billed');
  const [audit] = await env.owner.db.execute<{ after: { timeEntriesReleased?: number } }>(sql`select after from audit_events where object_id = ${inv.id} and action = 'invoice.updated' order by created_at desc limit 1`);
  expect(audit!.after.timeEntriesReleased).toBe(1);
  // Released, it is billed again like any approved time.
  expect((await json(await post(`/api/v1/documents/${inv.id}/time`, { entryIds: [appA] }))).billedEntries).toBe(1);

  // Lines with no ids at all would let go of every line's time while the same work might be typed back in: refused.
  const blind = await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: { lines: [{ description: 'Flat fee', quantity: '1', unitPrice: '400' }] } });
  expect([blind.status, (await json(blind)).error.code]).toEqual([409, 'LINES_NEED_IDS']);
  for (const id of [siteA, siteB, appA]) expect((await state(id))!.status).toBe('billed');
  // Every line left out by name (ids of kept lines only, here none of the time lines): released.
  await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: { lines: [fee] } });
  for (const id of [siteA, siteB, appA]) expect(await state(id)).toEqual({ status: 'approved', line: null });
});

it('bills time only at rates in the invoice\'s currency: a rate in another is refused, not relabelled', async () => {
  const euro = await json(await post('/api/v1/clients', { kind: 'business', name: 'Euro Time GmbH', currency: 'EUR', paymentTermsDays: 30 }));
  const project = await json(await post('/api/v1/projects', { name: 'Berlin site', billingType: 'hourly', hourlyRate: '100', clientId: euro.id }));
  const e = await json(await post('/api/v1/time-entries', { projectId: project.id, date: '2026-11-18', hours: '2' }));
  await post(`/api/v1/time-entries/${e.id}/submit`, undefined);
  await post(`/api/v1/time-entries/${e.id}/approve`, undefined);
  const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId: euro.id, lines: [] }));
  expect(inv.currency).toBe('EUR');
  const res = await post(`/api/v1/documents/${inv.id}/time`, {});
  expect([res.status, (await json(res)).error.code]).toEqual([422, 'CURRENCY_MISMATCH']);
  const [row] = await env.owner.db.execute<{ status: string }>(sql`select status from time_entries where id = ${e.id}`);
  expect(row!.status).toBe('approved');
  expect((await json(await env.request(`/api/v1/documents/${inv.id}`, { cookie }))).lines).toEqual([]);
});

it('does not send an estimate whose valid-until day has passed (it would expire as it arrived)', async () => {
  const est = await json(await post('/api/v1/documents', { kind: 'estimate', clientId, issueDate: '2026-01-05', dueDate: '2026-01-31', lines: workedLines }));
  const res = await post(`/api/v1/documents/${est.id}/send`, undefined);
  expect([res.status, (await json(res)).error.message]).toEqual([422, 'This estimate was valid until 2026-01-31; set a new valid-until date before sending it.']);
});

it('bills time only onto a draft invoice', async () => {
  const est = await json(await post('/api/v1/documents', { kind: 'estimate', clientId, lines: [] }));
  expect((await post(`/api/v1/documents/${est.id}/time`, {})).status).toBe(422);
  const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [] }));
  await env.owner.db.execute(sql`update documents set status = 'sent' where id = ${inv.id}`);
  expect((await json(await post(`/api/v1/documents/${inv.id}/time`, {}))).error.code).toBe('INVOICE_LOCKED');
});

it('answers discounts in the shape they are sent, so an editor can send them back unchanged', async () => {
  const inv = await json(await post('/api/v1/documents', {
    kind: 'invoice', clientId, discount: { kind: 'percent', percent: '7.5' },
    lines: [{ description: 'Retainer', quantity: '1', unitPrice: '1000', discount: { kind: 'amount', amount: '100' } }],
  }));
  expect(inv.discount).toEqual({ kind: 'percent', percent: '7.50' });
  expect(inv.lines[0].discount).toEqual({ kind: 'amount', amount: '100.00' });
  const resent = await json(await env.request(`/api/v1/documents/${inv.id}`, {
    method: 'PATCH', cookie, json: { discount: inv.discount, lines: inv.lines.map((l: { description: string; quantity: string; unitPriceCents: number; discount: unknown }) => ({ description: l.description, quantity: l.quantity, unitPrice: (l.unitPriceCents / 100).toFixed(2), discount: l.discount })) },
  }));
  expect(resent.totalCents).toBe(inv.totalCents);
  expect(resent.totalCents).toBe(83250); // (1000 − 100) − 7.5%
});

it('a tax-inclusive invoice takes the tax out of its prices, computed on the server', async () => {
  const res = await post('/api/v1/documents', { kind: 'invoice', clientId, taxInclusive: true, lines: [{ description: 'Tickets', quantity: '1', unitPrice: '100.00', taxable: true, taxRate: '8.25' }] });
  // 100.00 × 8.25 / 108.25 = 7.6212 → 7.62 of tax inside a 100.00 total.
  expect(await json(res)).toMatchObject({ taxInclusive: true, subtotalCents: 10_000, taxCents: 762, totalCents: 10_000, balanceCents: 10_000 });
  const inv = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [{ description: 'x', quantity: '1', unitPrice: '100.00', taxable: true, taxRate: '8.25' }] }));
  expect(inv).toMatchObject({ taxInclusive: false, taxCents: 825, totalCents: 10_825 });
  const flipped = await json(await env.request(`/api/v1/documents/${inv.id}`, { method: 'PATCH', cookie, json: { taxInclusive: true } }));
  expect(flipped).toMatchObject({ taxInclusive: true, taxCents: 762, totalCents: 10_000 });
});

it("keeps a client's money in one currency: its currency stays once it has documents, and a draft moves only to a client billed in its own", async () => {
  const fresh = await json(await post('/api/v1/clients', { kind: 'business', name: 'Euro GmbH', currency: 'USD', paymentTermsDays: 30 }));
  // Nothing counted in its currency yet: it may change.
  const patchClient = (id: string, body: unknown) => env.request(`/api/v1/clients/${id}`, { method: 'PATCH', cookie, json: body });
  expect((await json(await patchClient(fresh.id, { currency: 'EUR' }))).currency).toBe('EUR');

  const draft = await json(await post('/api/v1/documents', { kind: 'invoice', clientId, lines: [{ description: 'Setup', quantity: '1', unitPrice: '100' }] }));
  const moved = await env.request(`/api/v1/documents/${draft.id}`, { method: 'PATCH', cookie, json: { clientId: fresh.id } });
  expect([moved.status, (await json(moved)).error.code]).toEqual([422, 'CLIENT_CURRENCY_MISMATCH']);
  expect((await json(await env.request(`/api/v1/documents/${draft.id}`, { cookie }))).client.id).toBe(clientId);
  const sameCurrency = await json(await post('/api/v1/clients', { kind: 'business', name: 'Dollar Inc', paymentTermsDays: 30 }));
  expect((await json(await env.request(`/api/v1/documents/${draft.id}`, { method: 'PATCH', cookie, json: { clientId: sameCurrency.id } }))).client.id).toBe(sameCurrency.id);

  // Dollar Inc now has a draft in USD: its currency stays, and nothing is written or audited.
  const refused = await patchClient(sameCurrency.id, { currency: 'GBP', name: 'Pound Ltd' });
  const body = await json(refused);
  expect([refused.status, body.error.code, Object.keys(body.error.fields)]).toEqual([409, 'CLIENT_CURRENCY_LOCKED', ['currency']]);
  expect(await json(await env.request(`/api/v1/clients/${sameCurrency.id}`, { cookie }))).toMatchObject({ name: 'Dollar Inc', currency: 'USD' });
  // Changing it to what it is, with other fields, is not a change of currency.
  expect((await json(await patchClient(sameCurrency.id, { currency: 'USD', name: 'Dollar Inc.' }))).name).toBe('Dollar Inc.');
});
