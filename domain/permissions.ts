/**
 * The one permission table. The API enforces it (api/guards.ts) and the UI
 * reads `permissionsFor(role)` from GET /me to hide what a role cannot do.
 * Each permission names the weakest role that holds it.
 */
import { roleAtLeast, type Role } from './roles';

export const PERMISSIONS = {
  'company.view': 'staff',
  'company.settings': 'admin',
  'members.view': 'staff',
  'members.manage': 'admin',
  'members.invite': 'admin',
  'audit.view': 'admin',
  'ownership.transfer': 'owner',
  'clients.view': 'staff',
  'clients.manage': 'manager',
  'catalog.manage': 'admin',
  'projects.view': 'staff',
  'projects.manage': 'manager',
  'time.track': 'staff',
  'time.approve': 'manager',
  'documents.view': 'manager',
  'documents.manage': 'manager',
  /** Reports, the chart of accounts and the journal, read-only. */
  'accounting.view': 'manager',
  /** The chart, manual entries, closing and reopening periods, fixing balance drift. */
  'accounting.manage': 'admin',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}

export function permissionsFor(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** Roles that a company policy may require 2FA for. */
export function totpRequiredFor(role: Role, policyOn: boolean): boolean {
  return policyOn && roleAtLeast(role, 'manager');
}

/**
 * Why `actor` may not give `target` the role `next`, or null when allowed.
 * Ownership moves only by transfer; nobody changes their own role (so nobody
 * raises it); nobody touches a member as strong as themselves unless they own
 * the company; nobody hands out a role stronger than their own.
 */
export function roleChangeProblem(input: { actorRole: Role; actorIsTarget: boolean; targetRole: Role; next: Role }): string | null {
  const { actorRole, actorIsTarget, targetRole, next } = input;
  if (actorIsTarget) return 'You cannot change your own role.';
  if (!can(actorRole, 'members.manage')) return 'Only admins and the owner can change roles.';
  if (next === 'owner' || targetRole === 'owner') return 'Ownership changes only by transfer.';
  if (actorRole !== 'owner' && roleAtLeast(targetRole, actorRole)) return 'Only the owner can change the role of an admin.';
  if (!roleAtLeast(actorRole, next)) return 'You cannot give a role above your own.';
  return null;
}

/** Why `actor` may not remove `target` from the company, or null when allowed. */
export function removalProblem(input: { actorRole: Role; actorIsTarget: boolean; targetRole: Role }): string | null {
  if (input.targetRole === 'owner') return 'The owner cannot be removed; transfer ownership first.';
  if (input.actorIsTarget) return null; // anyone but the owner may leave
  if (!can(input.actorRole, 'members.manage')) return 'Only admins and the owner can remove members.';
  if (input.actorRole !== 'owner' && roleAtLeast(input.targetRole, input.actorRole)) return 'Only the owner can remove an admin.';
  return null;
}

/** Roles an inviter may offer: up to their own, never owner. */
export function invitableRoles(actorRole: Role): Role[] {
  return (['admin', 'manager', 'staff'] as const).filter((r) => roleAtLeast(actorRole, r));
}
