import { describe, expect, it } from 'vitest';
import { FIRST_LOCK_SECONDS, FREE_FAILURES, lockSecondsAfter, MAX_LOCK_SECONDS } from '../../domain/lockout';
import { can, invitableRoles, permissionsFor, removalProblem, roleChangeProblem, totpRequiredFor } from '../../domain/permissions';
import { PLANS, seatLimit, seatProblem } from '../../domain/plans';
import { ROLES, type Role } from '../../domain/roles';

describe('permission table', () => {
  it('grows with the role', () => {
    const counts = ROLES.map((r) => permissionsFor(r).length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(permissionsFor('staff')).toEqual(['company.view', 'members.view', 'clients.view', 'projects.view', 'time.track']);
    expect(can('staff', 'time.approve')).toBe(false);
    expect(can('manager', 'time.approve')).toBe(true);
    expect(can('manager', 'catalog.manage')).toBe(false);
    expect(permissionsFor('owner')).toContain('ownership.transfer');
    expect(can('admin', 'ownership.transfer')).toBe(false);
    expect(can('admin', 'members.invite')).toBe(true);
    expect(can('manager', 'audit.view')).toBe(false);
  });

  it('2FA policy covers owner, admin and manager, never staff, and only when on', () => {
    expect(ROLES.filter((r) => totpRequiredFor(r, true))).toEqual(['owner', 'admin', 'manager']);
    expect(ROLES.filter((r) => totpRequiredFor(r, false))).toEqual([]);
  });
});

describe('role changes', () => {
  const change = (actorRole: Role, targetRole: Role, next: Role, actorIsTarget = false) =>
    roleChangeProblem({ actorRole, actorIsTarget, targetRole, next });

  it('nobody changes their own role, so nobody raises it', () => {
    for (const r of ROLES) expect(change(r, r, 'admin', true)).toMatch(/own role/);
  });
  it('ownership moves only by transfer', () => {
    expect(change('owner', 'admin', 'owner')).toMatch(/transfer/);
    expect(change('owner', 'owner', 'admin')).toMatch(/transfer/);
  });
  it('admins manage managers and staff but not other admins; the owner manages admins', () => {
    expect(change('admin', 'staff', 'manager')).toBeNull();
    expect(change('admin', 'manager', 'admin')).toBeNull();
    expect(change('admin', 'admin', 'staff')).toMatch(/owner/);
    expect(change('owner', 'admin', 'staff')).toBeNull();
  });
  it('managers and staff change nothing', () => {
    expect(change('manager', 'staff', 'manager')).toMatch(/Only admins/);
    expect(change('staff', 'staff', 'staff')).toMatch(/Only admins/);
  });
  it('removal: never the owner; anyone may leave; admins cannot remove admins', () => {
    expect(removalProblem({ actorRole: 'owner', actorIsTarget: false, targetRole: 'owner' })).toMatch(/owner/);
    expect(removalProblem({ actorRole: 'staff', actorIsTarget: true, targetRole: 'staff' })).toBeNull();
    expect(removalProblem({ actorRole: 'admin', actorIsTarget: false, targetRole: 'admin' })).toMatch(/owner/);
    expect(removalProblem({ actorRole: 'manager', actorIsTarget: false, targetRole: 'staff' })).toMatch(/Only admins/);
  });
  it('invitations offer roles up to the inviter’s own, never owner', () => {
    expect(invitableRoles('owner')).toEqual(['admin', 'manager', 'staff']);
    expect(invitableRoles('admin')).toEqual(['admin', 'manager', 'staff']);
    expect(invitableRoles('manager')).toEqual(['manager', 'staff']);
  });
});

describe('progressive lockout', () => {
  it('is free for the first failures, then doubles, capped', () => {
    const schedule = Array.from({ length: 14 }, (_, i) => lockSecondsAfter(i + 1));
    expect(schedule.slice(0, FREE_FAILURES - 1)).toEqual([0, 0, 0, 0]);
    expect(schedule.slice(FREE_FAILURES - 1, FREE_FAILURES + 3)).toEqual([60, 120, 240, 480]);
    expect(lockSecondsAfter(FREE_FAILURES)).toBe(FIRST_LOCK_SECONDS);
    expect(lockSecondsAfter(1000)).toBe(MAX_LOCK_SECONDS);
  });
});

describe('plans and seats', () => {
  it('match PRODUCT.md §K', () => {
    expect(Object.values(PLANS).map((p) => [p.key, p.includedSeats, p.monthlyCents, p.yearlyCents])).toEqual([
      ['starter', 1, 1900, 19000], ['professional', 5, 4900, 49000], ['premium', 10, 9900, 99000],
    ]);
  });
  it('seat limit = included + extra; pending invitations count', () => {
    expect(seatLimit('professional', 2)).toBe(7);
    expect(seatProblem({ plan: 'professional', extraSeats: 0, members: 4, pendingInvitations: 0 })).toBeNull();
    expect(seatProblem({ plan: 'professional', extraSeats: 0, members: 4, pendingInvitations: 1 })).toMatch(/All 5 seats are taken \(Professional includes 5/);
    expect(seatProblem({ plan: 'starter', extraSeats: 1, members: 2, pendingInvitations: 0 })).toMatch(/All 2 seats.*plus 1 extra/);
  });
});
