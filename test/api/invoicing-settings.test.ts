/**
 * The company's invoicing settings and logo: admins change them (audited), bad input is refused
 * with the field named and nothing written, and what they say reaches the next invoice sent — its
 * PDF prints the company's contact details and logo, its email's replies go to the company's
 * billing address, its due date follows the default days.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { LOGO_MAX_BYTES } from '../../domain/images';
import { signUpCompany } from '../support/company';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';
import { joinCompany } from '../support/members';
import { paintedText, png } from '../support/pdf';

let env: TestEnv;
let cookie = '';
let companyId = '';
const settingsPath = '/api/v1/company/invoicing-settings';
const patch = (body: unknown, c = cookie) => env.request(settingsPath, { method: 'PATCH', cookie: c, json: body });
const putLogo = (bytes: Uint8Array, type: string, c = cookie) => env.request('/api/v1/company/logo', { method: 'PUT', cookie: c, body: Buffer.from(bytes), headers: { 'Content-Type': type } });

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  ({ cookie, companyId } = await signUpCompany(env, 'owner@brand.example', 'Brand Studio'));
});
afterAll(async () => { await env?.close(); });

describe('invoicing settings', () => {
  it('start from the onboarding defaults', async () => {
    expect(await json(await env.request(settingsPath, { cookie }))).toEqual({
      brandColor: '#1F4E79', hasLogo: false, email: null, phone: null, address: {}, invoiceDueDays: 30, estimateValidDays: 30, reminderDays: [-3, 7, 14, 21],
      currency: 'USD', timeZone: 'America/New_York',
    });
  });

  it('are changed by an admin, audited, with the schedule kept in day order', async () => {
    const res = await patch({
      brandColor: '#0a7c4a', email: 'billing@brand.example', phone: '+1 555 0100', address: { line1: '12 Harbour St', city: 'Portland', state: 'ME', postalCode: '04101', country: 'US' },
      invoiceDueDays: 14, reminderDays: [10, -2, 3], currency: 'GBP', timeZone: 'Europe/London',
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      brandColor: '#0A7C4A', email: 'billing@brand.example', invoiceDueDays: 14, estimateValidDays: 30, reminderDays: [-2, 3, 10], currency: 'GBP', timeZone: 'Europe/London',
    });
    const events = (await json(await env.request('/api/v1/company/audit-events?action=company.invoicing_settings_updated', { cookie }))).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { reminderDays: [-3, 7, 14, 21] }, after: { reminderDays: [-2, 3, 10] } });
  });

  it('refuse bad input with the field named, and write nothing', async () => {
    for (const [body, field] of [
      [{ brandColor: 'green' }, 'brandColor'], [{ reminderDays: [7, 7] }, 'reminderDays'], [{ reminderDays: [1.5] }, 'reminderDays'], [{ reminderDays: Array.from({ length: 11 }, (_, i) => i) }, 'reminderDays'],
      [{ invoiceDueDays: -1 }, 'invoiceDueDays'], [{ email: 'not an email' }, 'email'], [{ address: { country: 'United States' } }, 'address.country'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'], [{ timeZone: 'GMT+1' }, 'timeZone'], [{ currency: 'XYZ' }, 'currency'],
    ] as const) {
      const res = await patch(body);
      const out = await json(res);
      expect([res.status, Object.keys(out.error.fields ?? {})]).toEqual([400, [field]]);
    }
    expect(await json(await env.request(settingsPath, { cookie }))).toMatchObject({ brandColor: '#0A7C4A', invoiceDueDays: 14, reminderDays: [-2, 3, 10] });
  });

  it('are read by every member but changed only by admins', async () => {
    const manager = await joinCompany(env, cookie, 'manager@brand.example', 'manager');
    expect((await env.request(settingsPath, { cookie: manager.cookie })).status).toBe(200);
    expect((await patch({ brandColor: '#000000' }, manager.cookie)).status).toBe(403);
    expect((await putLogo(png(4, 4), 'image/png', manager.cookie)).status).toBe(403);
  });
});

describe("a new company's time zone", () => {
  it('is the one its owner signed up in; one the server does not know is ignored, not refused', async () => {
    for (const [email, sent, kept] of [['tokyo@brand.example', 'Asia/Tokyo', 'Asia/Tokyo'], ['nowhere@brand.example', 'Nowhere/Atlantis', 'America/New_York']]) {
      const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email, password: 'correct horse battery', companyName: `${sent} Co`, timeZone: sent } });
      expect(res.status).toBe(201);
      const owner = sessionCookie(res);
      await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie: owner }))).status === 'complete' ? true : undefined));
      expect((await json(await env.request(settingsPath, { cookie: owner }))).timeZone).toBe(kept);
    }
  });

  it('is the first viewer\'s when Temporal was down at signup and onboarding starts later', async () => {
    const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 300 });
    const cutOff = createApp({ ...env.deps, temporal: new Client({ connection }) }, { webDist: null });
    const res = await cutOff.request('/api/v1/auth/signup', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: env.settings.APP_URL },
      body: JSON.stringify({ email: 'offline@brand.example', password: 'correct horse battery', companyName: 'Offline Co', timeZone: 'Asia/Tokyo' }),
    });
    expect(res.status).toBe(201);
    await connection.close().catch(() => {});
    const owner = sessionCookie(res);
    // Nothing started it; the dashboard's first look does, with the zone its browser is in.
    const first = await json(await env.request('/api/v1/onboarding?timeZone=Asia/Kolkata', { cookie: owner }));
    expect(first.status).toBe('pending');
    await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie: owner }))).status === 'complete' ? true : undefined));
    expect((await json(await env.request(settingsPath, { cookie: owner }))).timeZone).toBe('Asia/Kolkata');
  });
});

describe('the logo', () => {
  it('takes a PNG and gives the same bytes back; refuses what is not an image, or too big; can be removed', async () => {
    const logo = png(40, 20);
    expect(await json(await putLogo(logo, 'image/png'))).toMatchObject({ hasLogo: true });
    const got = await env.request('/api/v1/company/logo', { cookie });
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(logo))).toBe(true);

    // What a file is decides, not what the upload says it is.
    const text = await putLogo(new TextEncoder().encode('<svg onload="alert(1)"></svg>'), 'image/png');
    expect([text.status, (await json(text)).error.fields]).toEqual([400, { logo: 'Choose a PNG or JPEG image.' }]);
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(logo);
    expect((await json(await putLogo(big, 'image/png'))).error.fields).toEqual({ logo: 'At most 512 KB.' });
    // Streamed with no length said up front: refused at the limit all the same.
    const chunk = Buffer.from(big.subarray(0, 64 * 1024));
    let sent = 0;
    const stream = new ReadableStream({ pull(ctl) { if (sent++ < 12) ctl.enqueue(chunk); else ctl.close(); } });
    const streamed = await env.request('/api/v1/company/logo', { method: 'PUT', cookie, body: stream, headers: { 'Content-Type': 'image/png' }, duplex: 'half' } as RequestInit);
    expect([streamed.status, (await json(streamed)).error.fields]).toEqual([400, { logo: 'At most 512 KB.' }]);
    expect(Buffer.from(await (await env.request('/api/v1/company/logo', { cookie })).arrayBuffer()).equals(Buffer.from(logo))).toBe(true);

    const [before] = await env.owner.db.execute<{ logo_key: string }>(sql`select logo_key from company_settings where company_id = ${companyId}`);
    expect(await json(await env.request('/api/v1/company/logo', { method: 'DELETE', cookie }))).toMatchObject({ hasLogo: false });
    expect((await env.request('/api/v1/company/logo', { cookie })).status).toBe(404);
    expect(await env.deps.storage.get(before!.logo_key)).toBeNull();
    expect(await json(await putLogo(logo, 'image/png'))).toMatchObject({ hasLogo: true });

    // Two uploads at once: each replaces the one before it, and storage keeps only the logo in use.
    await Promise.all([putLogo(png(8, 8), 'image/png'), putLogo(png(9, 9), 'image/png')]);
    const [now] = await env.owner.db.execute<{ logo_key: string }>(sql`select logo_key from company_settings where company_id = ${companyId}`);
    const branding = join(env.settings.DATA_DIR, 'files', companyId, 'branding');
    // (Local storage keeps each object's content type beside it, in `<key>.type`.)
    expect([...new Set(readdirSync(branding).map((f) => `${companyId}/branding/${f.replace(/\.type$/, '')}`))]).toEqual([now!.logo_key]);
  });
});

describe('the next invoice sent', () => {
  it('prints the company’s contact details and logo, and falls due by the default days', async () => {
    const client = await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Harbour Cafe', email: 'ap@harbour.example' } }));
    expect([client.paymentTermsDays, client.currency]).toEqual([14, 'GBP']);
    const doc = await json(await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'invoice', clientId: client.id, issueDate: '2026-11-02', lines: [{ description: 'Menu design', quantity: '1', unitPrice: '400' }] } }));
    expect(doc.dueDate).toBe('2026-11-16');
    expect((await env.request(`/api/v1/documents/${doc.id}/send`, { method: 'POST', cookie })).status).toBe(202);
    const mail = await env.mail.waitFor((m) => m.subject.includes(doc.number));
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(mail.replyTo).toBe('billing@brand.example');
    const [row] = await env.owner.db.execute<{ pdf_key: string }>(sql`select pdf_key from documents where id = ${doc.id}`);
    const pdf = (await env.deps.storage.get(row!.pdf_key))!;
    const painted = paintedText(pdf).split('\n');
    for (const line of ['billing@brand.example', '12 Harbour St', 'Portland, ME 04101', 'US', '+1 555 0100']) expect(painted).toContain(line);
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Subtype /Image');

    // The client's portal link shows who sent it the same way, logo included — for this link's company only.
    const token = /\/portal\/([\w-]+)/.exec(mail.text)![1]!;
    expect((await json(await env.request(`/api/v1/portal/${token}`))).company).toEqual({
      name: 'Brand Studio', brandColor: '#0A7C4A', hasLogo: true, email: 'billing@brand.example', phone: '+1 555 0100', addressLines: ['12 Harbour St', 'Portland, ME 04101', 'US'],
    });
    const logo = await env.request(`/api/v1/portal/${token}/logo`);
    expect([logo.status, logo.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect((await env.request(`/api/v1/portal/${token.slice(0, -2)}xx/logo`)).status).toBe(404);
  });
});
