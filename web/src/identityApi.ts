// Client for the identity, tenancy and security endpoints (docs/identity.md).
// These routes are not in `AppType` yet, so they go through a small typed
// `fetch` helper instead of `hc`. Errors are the same `ApiError` as api.ts.
import { ApiError, type ApiErrorBody } from './api';

// ---------- Shapes ----------

export type Role = 'owner' | 'admin' | 'manager' | 'staff';
/** Roles that can be given to a member or an invitation (ownership is transferred, not assigned). */
export type AssignableRole = Exclude<Role, 'owner'>;
export const ASSIGNABLE_ROLES: readonly AssignableRole[] = ['admin', 'manager', 'staff'];

export type Permission =
  | 'company.view'
  | 'company.settings'
  | 'members.view'
  | 'members.manage'
  | 'members.invite'
  | 'audit.view'
  | 'ownership.transfer';

export interface UserRef {
  id: string;
  email: string;
}

export interface CompanyRef {
  id: string;
  name: string;
}

export interface MeUser {
  id: string;
  email: string;
  /** '' when not set. */
  name: string | null;
  emailVerified: boolean;
  totpEnabled: boolean;
}

export interface CompanyMembership {
  id: string;
  name: string;
  role: Role;
}

export interface Requirements {
  /** Email not verified and the gate is on: company data answers 403 EMAIL_UNVERIFIED. */
  emailVerification: boolean;
  /** The company requires 2FA for this role and the user has none: 403 TOTP_ENROLLMENT_REQUIRED. */
  totpEnrollment: boolean;
}

/** `GET /me` (also the answer of `POST /me/company`). */
export interface Me {
  user: MeUser;
  /** null when the user belongs to no company (e.g. removed from their last one). */
  company: CompanyRef | null;
  role: Role | null;
  permissions: string[];
  companies: CompanyMembership[];
  requirements: Requirements;
}

export interface LoginOk {
  status: 'ok';
  user: UserRef;
  company: CompanyRef | null;
}
export type LoginResult = LoginOk | { status: 'totp_required' };

export interface SessionInfo {
  id: string;
  current: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  /** A complete `<svg>` element produced by our own server. */
  qrSvg: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface CompanyPlan {
  key: string;
  name: string;
  status: string;
  trialEndsAt: string | null;
}

export interface Seats {
  included: number;
  extra: number;
  limit: number;
  used: number;
}

export interface CompanyDetails {
  id: string;
  name: string;
  plan: CompanyPlan;
  seats: Seats;
  requireTotpForManagers: boolean;
}

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  totpEnabled: boolean;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  /** Who sent it; the contract leaves the exact form open, so accept either a reference or an email/id. */
  invitedBy: UserRef | string | null;
  expiresAt: string;
  createdAt: string;
}

export interface AuditEvent {
  id: string | number;
  action: string;
  objectType: string | null;
  objectId: string | null;
  /** null for system events; email null when the user no longer exists. */
  actor: { id: string; email: string | null } | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  createdAt: string;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  objectType?: string;
  /** `YYYY-MM-DD` */
  from?: string;
  /** `YYYY-MM-DD` */
  to?: string;
  cursor?: string;
  limit?: number;
}

/** `GET /invitations/{token}` (public). */
export interface PublicInvitation {
  companyName: string;
  email: string;
  role: Role;
  expiresAt: string;
  accountExists: boolean;
}

export interface Items<T> {
  items: T[];
}

// ---------- Transport ----------

const BASE = '/api/v1';
const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Please log in to continue.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `Request failed (${status}).`;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Call `/api/v1{path}` with the session cookie. Non-GET requests always send a
 * JSON body (`{}` when none) so the server's CSRF/content-type checks pass.
 * Resolves with the parsed body (undefined when empty, e.g. 204); throws
 * `ApiError` on non-2xx, or status 0 / `network_error` when the request fails.
 */
export async function json<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }

  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, init);
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
  }

  let text = '';
  if (res.status !== 204) {
    try {
      text = await res.text();
    } catch {
      if (res.ok) throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
    }
  }
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    if (isErrorBody(data)) {
      const { code, message, fields } = data.error;
      throw new ApiError(res.status, code, message, fields ?? {});
    }
    throw new ApiError(res.status, 'http_error', fallbackMessage(res.status));
  }
  return data as T;
}

const seg = (value: string) => encodeURIComponent(value);

// ---------- Accounts (/auth) ----------

/** Step 1 of login: password. May ask for a second factor. */
export const loginStep1 = (input: { email: string; password: string }) => json<LoginResult>('POST', '/auth/login', input);
/** Step 2 of login: a 6-digit TOTP code or a recovery code. */
export const loginTotp = (code: string) => json<LoginOk>('POST', '/auth/login/totp', { code });
/** End this session (sent as JSON like every other write). */
export const logout = () => json<void>('POST', '/auth/logout');
export const verifyEmail = (token: string) => json<{ verified: true }>('POST', '/auth/verify-email', { token });
export const resendVerification = () => json<void>('POST', '/auth/verify-email/resend');
export const requestPasswordReset = (email: string) => json<void>('POST', '/auth/password-reset', { email });
export const confirmPasswordReset = (token: string, password: string) =>
  json<unknown>('POST', '/auth/password-reset/confirm', { token, password });

// ---------- Me (/me) ----------

export const getMe = () => json<Me>('GET', '/me');
export const updateProfile = (input: { name: string }) => json<MeUser>('PATCH', '/me', input);
export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  json<void>('POST', '/me/password', input);
export const switchCompany = (companyId: string) => json<Me>('POST', '/me/company', { companyId });
export const listSessions = () => json<Items<SessionInfo>>('GET', '/me/sessions');
export const revokeSession = (id: string) => json<void>('DELETE', `/me/sessions/${seg(id)}`);
export const startTotpSetup = () => json<TotpSetup>('POST', '/me/totp/setup');
export const enableTotp = (code: string) => json<RecoveryCodes>('POST', '/me/totp/enable', { code });
export const disableTotp = (password: string) => json<void>('POST', '/me/totp/disable', { password });
export const regenerateRecoveryCodes = (password: string) =>
  json<RecoveryCodes>('POST', '/me/totp/recovery-codes', { password });

// ---------- Company (/company) ----------

export const getCompany = () => json<CompanyDetails>('GET', '/company');
export const updateCompany = (input: { name?: string; requireTotpForManagers?: boolean }) =>
  json<CompanyDetails>('PATCH', '/company', input);
export const listMembers = () => json<Items<Member>>('GET', '/company/members');
export const changeMemberRole = (userId: string, role: AssignableRole) =>
  json<Member>('PATCH', `/company/members/${seg(userId)}`, { role });
export const removeMember = (userId: string) => json<void>('DELETE', `/company/members/${seg(userId)}`);
export const transferOwnership = (input: { userId: string; password: string }) =>
  json<unknown>('POST', '/company/ownership', input);
export const listInvitations = () => json<Items<Invitation>>('GET', '/company/invitations');
export const createInvitation = (input: { email: string; role: AssignableRole }) =>
  json<Invitation>('POST', '/company/invitations', input);
export const revokeInvitation = (id: string) => json<void>('DELETE', `/company/invitations/${seg(id)}`);

export function listAuditEvents(query: AuditQuery = {}): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') params.set(key, String(value).trim());
  }
  const qs = params.toString();
  return json<AuditPage>('GET', `/company/audit-events${qs ? `?${qs}` : ''}`);
}

// ---------- Invitations (public, by token) ----------

export const getInvitation = (token: string) => json<PublicInvitation>('GET', `/invitations/${seg(token)}`);
export const acceptInvitation = (token: string, input: { password: string; name?: string } | Record<string, never> = {}) =>
  json<{ company: CompanyRef }>('POST', `/invitations/${seg(token)}/accept`, input);
