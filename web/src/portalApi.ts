// The public client portal (api/routes/portal.ts): no session, the token in the link
// is the only key. Through the typed client in api.ts; errors are `ApiError`
// (404 PORTAL_LINK_INVALID, 410 PORTAL_LINK_EXPIRED / PORTAL_LINK_REVOKED,
// 409 ESTIMATE_CLOSED / ESTIMATE_REVISED / ESTIMATE_BEING_REVISED, 429 RATE_LIMITED with the wait in its message).
// An answer names the revision it is to: the one the page shows.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, v1 } from './api';

const portal = v1.portal[':token'];

export type PortalView = InferResponseType<(typeof portal)['$get'], 200>;
export type PortalDocument = PortalView['document'];
export type PortalSignature = NonNullable<PortalView['signature']>;
export type SignatureInput = InferRequestType<(typeof portal)['accept']['$post']>['json']['signature'];

export const getPortal = (token: string) => call(() => portal.$get({ param: { token } }));
export const acceptPortal = (token: string, revision: number, name: string, signature: SignatureInput) =>
  call(() => portal.accept.$post({ param: { token }, json: { revision, name, signature } }));
export const declinePortal = (token: string, revision: number, reason: string) => call(() => portal.decline.$post({ param: { token }, json: { revision, reason } }));
export const requestPortalChanges = (token: string, message: string) =>
  call(() => portal.changes.$post({ param: { token }, json: { message } }));
/** A plain link: the server redirects to the PDF. */
export const portalPdfUrl = (token: string) => `/api/v1/portal/${encodeURIComponent(token)}/pdf`;
export const portalLogoUrl = (token: string) => `/api/v1/portal/${encodeURIComponent(token)}/logo`;
