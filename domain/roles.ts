/** Company roles, strongest first. The full permission table arrives with identity work. */
export const ROLES = ['owner', 'admin', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { owner: 4, admin: 3, manager: 2, staff: 1 };

/** True when `role` is at least as strong as `min`. */
export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}
