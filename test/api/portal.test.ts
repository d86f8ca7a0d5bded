/**
 * The client portal: a mailed link opens its one document and nothing else;
 * guessed, revoked and expired links are refused; an estimate is accepted
 * with a drawn signature whose certificate hashes what was sent; an accepted
 * estimate converts once into an invoice; the portal is rate limited.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonicalJson } from '../../domain/documents/snapshot';
import { paintedText } from '../support/pdf';
import { eventually, json, startTestEnv, type TestEnv } from '../support/harness';
import { signUpCompany } from '../support/company';

let env: TestEnv;
let cookie = '';
let clientId = '';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  ({ cookie } = await signUpCompany(env, 'portal@example.com'));
  clientId = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'person', name: 'Pat Client', email: 'pat@client.example', paymentTermsDays: 14 } }))).id;
}, 60_000);
afterAll(async () => { await env?.close(); });

/** Create and send a document; return it and the portal path from the email that arrived. */
async function sent(kind: 'estimate' | 'invoice', price: string) {
  const doc = await json(await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind, clientId, lines: [{ description: 'Kitchen remodel plan', quantity: '1', unitPrice: price }] } }));
  expect((await env.request(`/api/v1/documents/${doc.id}/send`, { method: 'POST', cookie })).status).toBe(202);
  const mail = await env.mail.waitFor((m) => m.subject.includes(doc.number));
  const token = /\/portal\/([\w-]+)/.exec(mail.text)![1]!;
  return { doc, token, path: `/api/v1/portal/${token}` };
}

it('a mailed link shows its one document, records the view, and refuses guessed, revoked and expired links', async () => {
  const { doc, path, token } = await sent('invoice', '1200');
  const other = await json(await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'invoice', clientId, lines: [{ description: 'Secret other work', quantity: '1', unitPrice: '5' }] } }));
  const res = await env.request(path);
  expect(res.status).toBe(200);
  const text = await res.text();
  const view = JSON.parse(text);
  expect(view).toMatchObject({ company: { name: 'portal@example.com Co' }, client: { name: 'Pat Client' }, document: { number: doc.number, kind: 'invoice', balanceCents: 120_000 }, canRespond: false });
  expect(text).not.toContain(other.number);
  expect(text).not.toContain('Secret other work');
  expect(text).not.toContain('pat@client.example');
  await eventually(async () => ((await json(await env.request(`/api/v1/documents/${doc.id}/activity`, { cookie }))).items.some((i: { action: string }) => i.action === 'invoice.viewed') ? true : undefined));
  const pdf = await env.request(`${path}/pdf`);
  expect(pdf.status).toBe(302);

  expect((await env.request(`/api/v1/portal/${token.slice(0, -2)}xx`)).status).toBe(404);
  expect((await json(await env.request('/api/v1/portal/short'))).error.code).toBe('PORTAL_LINK_INVALID');
  const links = (await json(await env.request(`/api/v1/documents/${doc.id}/portal-links`, { cookie }))).items;
  const fresh = await json(await env.request(`/api/v1/documents/${doc.id}/portal-links`, { method: 'POST', cookie }));
  expect((await env.request(fresh.url.replace(env.settings.APP_URL, '').replace('/portal/', '/api/v1/portal/'))).status).toBe(200);
  for (const l of links) expect((await env.request(`/api/v1/documents/${doc.id}/portal-links/${l.id}`, { method: 'DELETE', cookie })).status).toBe(204);
  const revoked = await env.request(path);
  expect(revoked.status).toBe(410);
  expect((await json(revoked)).error.code).toBe('PORTAL_LINK_REVOKED');
  await env.owner.db.execute(sql`update portal_tokens set expires_at = now() - interval '1 minute' where document_id = ${doc.id} and revoked_at is null`);
  expect((await json(await env.request(fresh.url.replace(env.settings.APP_URL, '').replace('/portal/', '/api/v1/portal/')))).error.code).toBe('PORTAL_LINK_EXPIRED');
}, 30_000);

it('an estimate is accepted once, with a drawn signature certifying the SHA-256 of what was sent, then converts once', async () => {
  const { doc, path } = await sent('estimate', '4800');
  expect((await json(await env.request(path))).canRespond).toBe(true);
  const bad = await env.request(`${path}/accept`, { method: 'POST', json: { revision: 1, name: 'Pat Client', signature: { kind: 'drawn', image: 'javascript:alert(1)' } } });
  expect(bad.status).toBe(400);
  const res = await env.request(`${path}/accept`, { method: 'POST', json: { revision: 1, name: 'Pat Client', signature: { kind: 'drawn', image: PNG } }, headers: { 'user-agent': 'PortalTest/1.0' } });
  expect(res.status).toBe(200);
  const { signature } = await json(res);
  const [rev] = await env.owner.db.execute<{ snapshot: unknown; snapshot_sha256: string }>(sql`select snapshot, snapshot_sha256 from document_revisions where document_id = ${doc.id}`);
  expect(createHash('sha256').update(canonicalJson(rev!.snapshot)).digest('hex')).toBe(rev!.snapshot_sha256);
  expect(signature).toMatchObject({ signerName: 'Pat Client', kind: 'drawn', image: PNG, userAgent: 'PortalTest/1.0', snapshotSha256: rev!.snapshot_sha256, revision: 1 });
  expect((await env.request(`${path}/accept`, { method: 'POST', json: { revision: 1, name: 'Pat Again', signature: { kind: 'typed' } } })).status).toBe(409);
  expect((await json(await env.request(`/api/v1/documents/${doc.id}`, { cookie }))).status).toBe('accepted');

  const converted = await json(await env.request(`/api/v1/documents/${doc.id}/convert`, { method: 'POST', cookie, json: { projectName: 'Kitchen' } }));
  const again = await json(await env.request(`/api/v1/documents/${doc.id}/convert`, { method: 'POST', cookie, json: {} }));
  expect(again.invoiceId).toBe(converted.invoiceId);
  const invoice = await json(await env.request(`/api/v1/documents/${converted.invoiceId}`, { cookie }));
  expect(invoice).toMatchObject({ kind: 'invoice', status: 'draft', totalCents: 480_000, projectId: converted.projectId });
  expect((await json(await env.request(`/api/v1/documents/${doc.id}`, { cookie }))).status).toBe('converted');

  // Its draft deleted, the accepted work is not stranded: converting again makes a new invoice with the same money.
  expect((await env.request(`/api/v1/documents/${converted.invoiceId}`, { method: 'DELETE', cookie })).status).toBe(204);
  const redo = await env.request(`/api/v1/documents/${doc.id}/convert`, { method: 'POST', cookie, json: {} });
  expect(redo.status).toBe(201);
  const second = await json(redo);
  expect(second.invoiceId).not.toBe(converted.invoiceId);
  expect(await json(await env.request(`/api/v1/documents/${second.invoiceId}`, { cookie }))).toMatchObject({ kind: 'invoice', status: 'draft', totalCents: 480_000 });
  expect((await json(await env.request(`/api/v1/documents/${doc.id}/convert`, { method: 'POST', cookie, json: {} }))).invoiceId).toBe(second.invoiceId);
}, 30_000);

it('an estimate can be declined or sent back with a change request; an invoice cannot be accepted', async () => {
  const { doc, path } = await sent('estimate', '900');
  expect((await env.request(`${path}/changes`, { method: 'POST', json: { message: 'Can we drop the second phase?' } })).status).toBe(200);
  expect((await env.request(`${path}/decline`, { method: 'POST', json: { revision: 1, reason: 'Too expensive' } })).status).toBe(200);
  expect((await json(await env.request(`/api/v1/documents/${doc.id}`, { cookie }))).status).toBe('declined');
  const actions = (await json(await env.request(`/api/v1/documents/${doc.id}/activity`, { cookie }))).items.map((i: { action: string }) => i.action);
  expect(actions).toEqual(expect.arrayContaining(['estimate.changes_requested', 'estimate.declined', 'estimate.sent', 'email.sent']));
  const inv = await sent('invoice', '10');
  expect((await env.request(`${inv.path}/accept`, { method: 'POST', json: { revision: 1, name: 'X', signature: { kind: 'typed' } } })).status).toBe(409);
}, 30_000);

it('a sent estimate is revised and sent again as v2: the portal shows what was sent, and the signature certifies v2', async () => {
  const { doc, path } = await sent('estimate', '1000');
  const edit = await env.request(`/api/v1/documents/${doc.id}`, { method: 'PATCH', cookie, json: { lines: [{ description: 'Kitchen remodel plan, phase one only', quantity: '1', unitPrice: '750' }] } });
  expect(edit.status).toBe(200);
  // Edits in progress are not what the client sees: still v1, and v1 cannot be signed while it is being changed
  // (the signature would certify 1,000.00 while 750.00 became the invoice). Declining it still works, but not here.
  expect((await json(await env.request(path))).document).toMatchObject({ revision: 1, totalCents: 100_000 });
  const midEdit = await env.request(`${path}/accept`, { method: 'POST', json: { revision: 1, name: 'Pat Client', signature: { kind: 'typed' } } });
  expect([midEdit.status, (await json(midEdit)).error.code]).toEqual([409, 'ESTIMATE_BEING_REVISED']);
  // Sent once, it stays that client's.
  const otherClient = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'person', name: 'Sam Other', email: 'sam@other.example', paymentTermsDays: 14 } }))).id;
  const moved = await env.request(`/api/v1/documents/${doc.id}`, { method: 'PATCH', cookie, json: { clientId: otherClient } });
  expect([moved.status, (await json(moved)).error.code]).toEqual([409, 'CLIENT_FIXED']);
  expect((await env.request(`/api/v1/documents/${doc.id}/send`, { method: 'POST', cookie })).status).toBe(202);
  const v2 = await env.mail.waitFor((m) => m.subject.includes(doc.number) && m.text.includes('750.00'));
  const v2Path = `/api/v1/portal/${/\/portal\/([\w-]+)/.exec(v2.text)![1]!}`;
  expect((await json(await env.request(v2Path))).document).toMatchObject({ totalCents: 75_000, lines: [{ description: 'Kitchen remodel plan, phase one only' }] });
  // The first link shows the current revision too: it is the same estimate.
  expect((await json(await env.request(path))).document.totalCents).toBe(75_000);

  // The page opened on v1 answers v1: refused, since v2 is what stands now.
  const stale = await env.request(`${path}/accept`, { method: 'POST', json: { revision: 1, name: 'Pat Client', signature: { kind: 'typed' } } });
  expect([stale.status, (await json(stale)).error.code]).toEqual([409, 'ESTIMATE_REVISED']);
  expect((await env.request(`${path}/decline`, { method: 'POST', json: { revision: 1 } })).status).toBe(409);
  const accepted = await json(await env.request(`${v2Path}/accept`, { method: 'POST', json: { revision: 2, name: 'Pat Client', signature: { kind: 'typed' } } }));
  const revs = await env.owner.db.execute<{ revision: number; snapshot_sha256: string }>(sql`select revision, snapshot_sha256 from document_revisions where document_id = ${doc.id} order by revision`);
  expect(revs.map((r) => r.revision)).toEqual([1, 2]);
  expect(accepted.signature).toMatchObject({ revision: 2, snapshotSha256: revs[1]!.snapshot_sha256 });
  // Accepted is final: no more edits, at the API or in the database.
  expect((await env.request(`/api/v1/documents/${doc.id}`, { method: 'PATCH', cookie, json: { lines: [] } })).status).toBe(409);
  const refused = await env.owner.db.execute(sql`update documents set total_cents = 1 where id = ${doc.id}`).then(() => null, (err: Error & { cause?: Error }) => err.cause?.message ?? err.message);
  expect(refused).toMatch(/INVOICE_LOCKED/);
}, 30_000);

it('an accept and a decline at once take turns: one answers, the other finds it answered, and the record agrees', async () => {
  for (let round = 0; round < 3; round++) {
    const { doc, path } = await sent('estimate', '300');
    const [acceptRes, declineRes] = await Promise.all([
      env.request(`${path}/accept`, { method: 'POST', json: { revision: 1, name: 'Pat Client', signature: { kind: 'typed' } } }),
      env.request(`${path}/decline`, { method: 'POST', json: { revision: 1, reason: 'changed my mind' } }),
    ]);
    expect([acceptRes.status, declineRes.status].sort()).toEqual([200, 409]);
    const status = (await json(await env.request(`/api/v1/documents/${doc.id}`, { cookie }))).status;
    const [signatures] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from document_signatures where document_id = ${doc.id}`);
    const answers = (await json(await env.request(`/api/v1/documents/${doc.id}/activity`, { cookie }))).items.filter((i: { action: string }) => i.action === 'estimate.accepted' || i.action === 'estimate.declined');
    expect([status, signatures!.n, answers.length]).toEqual(acceptRes.status === 200 ? ['accepted', 1, 1] : ['declined', 0, 1]);
  }
}, 30_000);

it("the portal's PDF prints what was sent, with what is paid and due as they stand now", async () => {
  const pdfText = async (path: string) => {
    const res = await env.request(`${path}/pdf`);
    expect(res.status).toBe(302);
    // The redirect names the stored object; read it from storage as the download would.
    const [row] = await env.owner.db.execute<{ pdf_key: string }>(sql`select pdf_key from documents where number = ${number}`);
    return paintedText((await env.deps.storage.get(row!.pdf_key))!);
  };
  // An estimate edited after it went out: its PDF is still the one sent.
  const est = await sent('estimate', '2000');
  let number = est.doc.number;
  await env.request(`/api/v1/documents/${est.doc.id}`, { method: 'PATCH', cookie, json: { lines: [{ description: 'Something else entirely', quantity: '1', unitPrice: '5' }] } });
  const estimatePdf = await pdfText(est.path);
  expect(estimatePdf).toContain('Kitchen remodel plan');
  expect(estimatePdf).not.toContain('Something else entirely');

  // An invoice paid down: the PDF says so.
  const inv = await sent('invoice', '1000');
  number = inv.doc.number;
  expect(await pdfText(inv.path)).toMatch(/Balance due\n\$1,000\.00/);
  await eventually(async () => ((await env.request(`/api/v1/documents/${inv.doc.id}/payments`, {
    method: 'POST', cookie, json: { amount: '400', method: 'check', sendReceipt: false }, headers: { 'idempotency-key': '3b0bde3c-4f4e-4d8e-9a43-0a8f3c2b1d11' },
  })).status === 201 ? true : undefined));
  const paidDown = await pdfText(inv.path);
  expect(paidDown).toMatch(/Paid\n\(\$400\.00\)|Paid\n-\$400\.00/);
  expect(paidDown).toMatch(/Balance due\n\$600\.00/);
}, 30_000);

it('says whether prices include tax, for an invoice and for the revision of an estimate that was sent', async () => {
  const send = async (kind: 'estimate' | 'invoice', taxInclusive: boolean) => {
    const doc = await json(await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind, clientId, taxInclusive, lines: [{ description: 'Taxed work', quantity: '1', unitPrice: '110', taxable: true, taxRate: '10' }] } }));
    expect((await env.request(`/api/v1/documents/${doc.id}/send`, { method: 'POST', cookie })).status).toBe(202);
    const mail = await env.mail.waitFor((m) => m.subject.includes(doc.number));
    return { doc, path: `/api/v1/portal/${/\/portal\/([\w-]+)/.exec(mail.text)![1]!}` };
  };
  // Included: the 10.00 of tax is inside the 110.00, not added to it.
  const inclusive = await send('invoice', true);
  expect((await json(await env.request(inclusive.path))).document).toMatchObject({ taxInclusive: true, subtotalCents: 11_000, taxCents: 1_000, totalCents: 11_000 });
  expect((await json(await env.request((await send('invoice', false)).path))).document).toMatchObject({ taxInclusive: false, taxCents: 1_100, totalCents: 12_100 });
  // An estimate shows the revision sent: switched to tax-exclusive since, it still reads as sent until sent again.
  const estimate = await send('estimate', true);
  await env.request(`/api/v1/documents/${estimate.doc.id}`, { method: 'PATCH', cookie, json: { taxInclusive: false } });
  expect((await json(await env.request(estimate.path))).document).toMatchObject({ revision: 1, taxInclusive: true, totalCents: 11_000 });
}, 30_000);

it('a client without an email is sent to through its primary contact', async () => {
  const noEmail = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Contactless Ltd', paymentTermsDays: 30 } }))).id;
  const inv = await json(await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'invoice', clientId: noEmail, lines: [{ description: 'Audit', quantity: '1', unitPrice: '90' }] } }));
  const refused = await env.request(`/api/v1/documents/${inv.id}/send`, { method: 'POST', cookie });
  expect([refused.status, (await json(refused)).error.code]).toEqual([422, 'NOT_SENDABLE']);
  await env.request(`/api/v1/clients/${noEmail}/contacts`, { method: 'POST', cookie, json: { name: 'Dana Books', email: 'dana@contactless.example', isPrimary: true } });
  expect((await json(await env.request(`/api/v1/documents/${inv.id}`, { cookie }))).client.email).toBe('dana@contactless.example');
  expect((await env.request(`/api/v1/documents/${inv.id}/send`, { method: 'POST', cookie })).status).toBe(202);
  expect((await env.mail.waitFor((m) => m.subject.includes(inv.number))).to).toEqual(['dana@contactless.example']);
}, 30_000);

it('is rate limited per address, with Retry-After', async () => {
  let last: Response | null = null;
  for (let i = 0; i < 70 && last?.status !== 429; i++) last = await env.request('/api/v1/portal/not-a-real-token-at-all');
  expect(last!.status).toBe(429);
  expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
});
