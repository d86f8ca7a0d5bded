// The identity, tenancy and security endpoints (docs/identity.md), through the
// typed client in api.ts: request and response types come from the server's
// own route definitions, and errors are the same `ApiError`.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, v1 } from './api';

// ---------- Shapes (inferred from the API) ----------

export type Me = InferResponseType<typeof v1.me.$get, 200>;
export type MeUser = Me['user'];
export type Role = NonNullable<Me['role']>;
export type Permission = Me['permissions'][number];
export type CompanyRef = NonNullable<Me['company']>;
export type CompanyMembership = Me['companies'][number];
export type Requirements = Me['requirements'];
export type UserRef = { id: string; email: string };

/** Roles that can be given to a member or an invitation (ownership is transferred, not assigned). */
export type AssignableRole = Exclude<Role, 'owner'>;
export const ASSIGNABLE_ROLES: readonly AssignableRole[] = ['admin', 'manager', 'staff'];

export type LoginResult = InferResponseType<typeof v1.auth.login.$post, 200>;
export type LoginOk = Extract<LoginResult, { status: 'ok' }>;
export type SessionInfo = InferResponseType<typeof v1.me.sessions.$get, 200>['items'][number];
export type TotpSetup = InferResponseType<typeof v1.me.totp.setup.$post, 200>;
export type RecoveryCodes = InferResponseType<typeof v1.me.totp.enable.$post, 200>;
export type CompanyDetails = InferResponseType<typeof v1.company.$get, 200>;
export type CompanyPlan = CompanyDetails['plan'];
export type Seats = CompanyDetails['seats'];
export type Member = InferResponseType<typeof v1.company.members.$get, 200>['items'][number];
export type Invitation = InferResponseType<typeof v1.company.invitations.$get, 200>['items'][number];
export type AuditPage = InferResponseType<(typeof v1.company)['audit-events']['$get'], 200>;
export type AuditEvent = AuditPage['items'][number];
export type PublicInvitation = InferResponseType<(typeof v1.invitations)[':token']['$get'], 200>;
export type Items<T> = { items: T[] };

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

type AcceptInput = InferRequestType<(typeof v1.invitations)[':token']['accept']['$post']>['json'];

// ---------- Accounts (/auth) ----------

/** Step 1 of login: password. May ask for a second factor. */
export const loginStep1 = (json: { email: string; password: string }) => call(() => v1.auth.login.$post({ json }));
/** Step 2 of login: a TOTP or recovery code. */
export const loginTotp = (code: string) => call(() => v1.auth.login.totp.$post({ json: { code } }));
export const logout = () => call(() => v1.auth.logout.$post());
export const verifyEmail = (token: string) => call(() => v1.auth['verify-email'].$post({ json: { token } }));
export const resendVerification = () => call(() => v1.auth['verify-email'].resend.$post());
export const requestPasswordReset = (email: string) => call(() => v1.auth['password-reset'].$post({ json: { email } }));
export const confirmPasswordReset = (token: string, password: string) =>
  call(() => v1.auth['password-reset'].confirm.$post({ json: { token, password } }));

// ---------- Me (/me) ----------

export const getMe = () => call(() => v1.me.$get());
export const updateProfile = (json: { name: string }) => call(() => v1.me.$patch({ json }));
export const changePassword = (json: { currentPassword: string; newPassword: string }) => call(() => v1.me.password.$post({ json }));
export const switchCompany = (companyId: string) => call(() => v1.me.company.$post({ json: { companyId } }));
export const listSessions = () => call(() => v1.me.sessions.$get());
export const revokeSession = (id: string) => call(() => v1.me.sessions[':id'].$delete({ param: { id } }));
export const startTotpSetup = () => call(() => v1.me.totp.setup.$post());
export const enableTotp = (password: string, code: string) => call(() => v1.me.totp.enable.$post({ json: { password, code } }));
export const disableTotp = (password: string) => call(() => v1.me.totp.disable.$post({ json: { password } }));
export const regenerateRecoveryCodes = (password: string) => call(() => v1.me.totp['recovery-codes'].$post({ json: { password } }));

// ---------- Company (/company) ----------

export const getCompany = () => call(() => v1.company.$get());
export const updateCompany = (json: { name?: string; requireTotpForManagers?: boolean }) => call(() => v1.company.$patch({ json }));
export const listMembers = () => call(() => v1.company.members.$get());
export const changeMemberRole = (userId: string, role: AssignableRole) =>
  call(() => v1.company.members[':userId'].$patch({ param: { userId }, json: { role } }));
export const removeMember = (userId: string) => call(() => v1.company.members[':userId'].$delete({ param: { userId } }));
export const transferOwnership = (json: { userId: string; password: string }) => call(() => v1.company.ownership.$post({ json }));
export const listInvitations = () => call(() => v1.company.invitations.$get());
export const createInvitation = (json: { email: string; role: AssignableRole }) => call(() => v1.company.invitations.$post({ json }));
export const revokeInvitation = (id: string) => call(() => v1.company.invitations[':id'].$delete({ param: { id } }));

export function listAuditEvents(query: AuditQuery = {}) {
  const clean = Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== '').map(([k, v]) => [k, String(v).trim()]),
  );
  return call(() => v1.company['audit-events'].$get({ query: clean }));
}

// ---------- Invitations (public, by token) ----------

export const getInvitation = (token: string) => call(() => v1.invitations[':token'].$get({ param: { token } }));
export const acceptInvitation = (token: string, json: AcceptInput = {}) =>
  call(() => v1.invitations[':token'].accept.$post({ param: { token }, json }));
