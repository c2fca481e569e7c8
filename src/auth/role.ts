/**
 * `legal` (法制审核) reviews proposed penalties before the head decides (行政处罚法 2021 art. 58); `head` (局负责人)
 * decides them, by collective discussion for serious cases (art. 57). Brief §1.
 */
export const ROLES = ['officer', 'approver', 'manager', 'institution', 'auditor', 'admin', 'legal', 'head'] as const;
export type Role = (typeof ROLES)[number];

/** Staff of the bureau (everyone but institutions); handy for read routes. */
export const STAFF: Role[] = ['officer', 'approver', 'manager', 'auditor', 'admin', 'legal', 'head'];

export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  officeCode: string | null;
  /** Set only for institution accounts: the one institution this account may see. */
  uscc: string | null;
}
