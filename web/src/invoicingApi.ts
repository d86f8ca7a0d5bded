// What happens to a document after drafting (api/routes/invoicing.ts): send, payments,
// client credit, void, reminders, the PDF, the activity timeline and portal links,
// through the typed client in api.ts. Amounts go out as dollar strings and come
// back as integer cents; errors are `ApiError`.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { dayIn } from '../../domain/dates';
import { PAYMENT_METHOD_LABELS } from '../../domain/payments';
import { call, v1 } from './api';

const doc = v1.documents[':id'];

export type PaymentInput = InferRequestType<(typeof doc)['payments']['$post']>['json'];
export type PaymentMethod = PaymentInput['method'];
export type PaymentOutcome = InferResponseType<(typeof doc)['payments']['$post'], 201>;
export type DocumentPayments = InferResponseType<(typeof doc)['payments']['$get'], 200>;
export type Payment = DocumentPayments['payments'][number];
export type CreditApplication = DocumentPayments['credits'][number];
export type DocumentActivity = InferResponseType<(typeof doc)['activity']['$get'], 200>;
export type ActivityItem = DocumentActivity['items'][number];
export type PortalLink = InferResponseType<(typeof doc)['portal-links']['$get'], 200>['items'][number];
export type NewPortalLink = InferResponseType<(typeof doc)['portal-links']['$post'], 201>;

/** Starts the lifecycle workflow (202); the document leaves draft shortly after. */
export const sendDocument = (id: string) => call(() => doc.send.$post({ param: { id } }));

/** A fresh UUID for an Idempotency-Key: crypto.randomUUID where the page is a secure context, else built from getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `key` makes a retry (or a double click) the same payment. */
export const recordPayment = (id: string, json: PaymentInput, key: string) =>
  call(() => doc.payments.$post({ param: { id }, json, header: { 'idempotency-key': key } }));
export const listPayments = (id: string) => call(() => doc.payments.$get({ param: { id } }));
export const applyCredit = (id: string, amount: string, key: string) =>
  call(() => doc.credit.$post({ param: { id }, json: { amount }, header: { 'idempotency-key': key } }));
export const voidDocument = (id: string, reason: string) => call(() => doc.void.$post({ param: { id }, json: { reason } }));
export const setReminders = (id: string, enabled: boolean) => call(() => doc.reminders.$post({ param: { id }, json: { enabled } }));
export const documentActivity = (id: string) => call(() => doc.activity.$get({ param: { id } }));
/** An accepted estimate becomes a draft invoice with the same lines. */
export const convertEstimate = (id: string) => call(() => doc.convert.$post({ param: { id }, json: {} }));

export const listPortalLinks = (id: string) => call(() => doc['portal-links'].$get({ param: { id } }));
export const createPortalLink = (id: string) => call(() => doc['portal-links'].$post({ param: { id } }));
export const revokePortalLink = (id: string, linkId: string) =>
  call(() => doc['portal-links'][':linkId'].$delete({ param: { id, linkId } }));

/** A plain link: the server renders (drafts) or finds the PDF and redirects to it. */
export const documentPdfUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/pdf`;

export const PAYMENT_METHOD_OPTIONS: { value: PaymentMethod; label: string }[] = (['bank_transfer', 'check', 'cash', 'card', 'other'] as const)
  .map((value) => ({ value, label: PAYMENT_METHOD_LABELS[value] }));

export const paymentMethodLabel = (method: string) => PAYMENT_METHOD_LABELS[method as PaymentMethod] ?? method;

const ACTIVITY: Record<string, string> = {
  'invoice.created': 'Invoice created',
  'estimate.created': 'Estimate created',
  'invoice.updated': 'Invoice edited',
  'estimate.updated': 'Estimate edited',
  'invoice.time_billed': 'Time billed',
  'invoice.sent': 'Invoice sent',
  'estimate.sent': 'Estimate sent',
  'email.sent': 'Emailed to the client',
  'email.reminder_sent': 'Reminder emailed',
  'email.receipt_sent': 'Receipt emailed',
  'email.failed': 'Email not delivered',
  'invoice.payment_recorded': 'Payment recorded',
  'invoice.payment_refused': 'Payment refused',
  'invoice.credit_applied': 'Client credit applied',
  'invoice.credit_refused': 'Credit application refused',
  'invoice.voided': 'Invoice voided',
  'invoice.reminders_on': 'Reminders turned on',
  'invoice.reminders_off': 'Reminders turned off',
  'invoice.portal_link_created': 'Portal link created',
  'estimate.portal_link_created': 'Portal link created',
  'invoice.portal_link_revoked': 'Portal link revoked',
  'estimate.portal_link_revoked': 'Portal link revoked',
  'invoice.viewed': 'Viewed by the client',
  'estimate.viewed': 'Viewed by the client',
  'estimate.accepted': 'Accepted by the client',
  'estimate.declined': 'Declined by the client',
  'estimate.changes_requested': 'Client asked for changes',
  'estimate.converted': 'Converted to an invoice',
  'invoice.deleted': 'Draft deleted',
  'estimate.deleted': 'Draft deleted',
};

/** "Payment recorded" for `invoice.payment_recorded`; unknown actions are made readable. */
export function activityLabel(action: string): string {
  const known = ACTIVITY[action];
  if (known) return known;
  const verb = action.split('.').pop() ?? action;
  const text = verb.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------- The company's invoicing settings and logo ----------
export type InvoicingSettings = InferResponseType<(typeof v1.company)['invoicing-settings']['$get'], 200>;
export type InvoicingSettingsInput = InferRequestType<(typeof v1.company)['invoicing-settings']['$patch']>['json'];
export const getInvoicingSettings = () => call(() => v1.company['invoicing-settings'].$get());
/** The company's currency: what new clients start in and manual journal entries post in. */
export const companyCurrency = async () => (await getInvoicingSettings()).currency;
/** Today on the company's calendar (its time zone), which is what money and journal dates are: the browser's day may be another. */
export const companyToday = async () => dayIn((await getInvoicingSettings()).timeZone, Date.now());
export const updateInvoicingSettings = (json: InvoicingSettingsInput) => call(() => v1.company['invoicing-settings'].$patch({ json }));
/** The image itself is the body; the server decides by its bytes whether it is a PNG or JPEG. */
export const uploadLogo = (file: Blob) => call(() => v1.company.logo.$put({}, { init: { body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } } }));
export const removeLogo = () => call(() => v1.company.logo.$delete());
/** Where the settings page shows the current logo from (a session-authenticated GET). */
export const LOGO_URL = '/api/v1/company/logo';

// ---------- The dashboard ----------
export type DashboardMoney = InferResponseType<typeof v1.dashboard.money.$get, 200>;
export const getDashboardMoney = () => call(() => v1.dashboard.money.$get());
