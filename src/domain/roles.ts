/**
 * The roles a person can hold in a committee (see docs: secretariat, chair, member, deputy,
 * working group). Roles come from the stored roster only, never from names or card data.
 */
export const ROLES = ['secretariat', 'chair', 'member', 'deputy', 'workingGroup'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
